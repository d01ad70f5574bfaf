import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors/user-error';
import type { SupplierEntity } from './supplier.entity';
import { SupplierType } from './supplier.type';

@ObjectType({ description: 'Result of supplierCreate.' })
export class SupplierCreatePayload {
  @Field(() => SupplierType, { nullable: true, description: 'The supplier recorded; null when refused.' })
  supplier: SupplierEntity | null;

  @Field(() => [UserError], { description: 'Why the input was refused; empty on success.' })
  userErrors: UserError[];
}

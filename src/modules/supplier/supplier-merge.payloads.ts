import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors/user-error';
import type { SupplierEntity } from './supplier.entity';
import { SupplierType } from './supplier.type';

@ObjectType({ description: 'Result of supplierMerge.' })
export class SupplierMergePayload {
  @Field(() => SupplierType, { nullable: true, description: 'The survivor, with the merged supplier\'s names among its aliases; null when refused.' })
  supplier: SupplierEntity | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of supplierUnmerge.' })
export class SupplierUnmergePayload {
  @Field(() => SupplierType, { nullable: true, description: 'The merged supplier, restored as it was; null when refused.' })
  supplier: SupplierEntity | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[];
}

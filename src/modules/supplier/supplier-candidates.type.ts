import { Field, Float, ObjectType } from 'type-graphql';
import type { SupplierEntity } from './supplier.entity';
import { SupplierType } from './supplier.type';

@ObjectType('SupplierCandidate', { description: 'A supplier that may be the same party, with how likely and why.' })
export class SupplierCandidateType {
  @Field(() => SupplierType, { description: 'The supplier.' })
  supplier: SupplierEntity;

  @Field(() => Float, { description: 'From 0 to 1: name similarity, raised by shared identifiers, lowered by a different country.' })
  score: number;

  @Field(() => [String], { description: 'Why, in words: "same VAT number BG204817339", "same name after folding legal forms".' })
  reasons: string[];
}

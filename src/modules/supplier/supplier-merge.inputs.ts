import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Two supplier records that are one party.' })
export class SupplierMergeInput {
  @Field(() => ID, { description: 'The supplier that stands for both afterwards.' })
  survivorId: string;

  @Field(() => ID, { description: 'The supplier merged into it; its id resolves to the survivor afterwards.' })
  mergedId: string;
}

@InputType({ description: 'A merge to undo.' })
export class SupplierUnmergeInput {
  @Field(() => ID, { description: 'The supplier that was merged into another.' })
  mergedId: string;
}

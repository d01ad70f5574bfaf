import { Field, ObjectType } from 'type-graphql';
import type { EnumDeclaration } from '../../modules/registry-module';
import { ErrorCode } from '../../shared/domain-error';

/** Why a mutation refused its input, as a GraphQL enum. */
export const ERROR_CODE_ENUM: EnumDeclaration = {
  type: ErrorCode,
  name: 'ErrorCode',
  description: 'Why a mutation refused its input.',
  valuesConfig: {
    INVALID_INPUT: { description: 'A field is missing, out of range or too long.' },
    INVALID_IDENTIFIER: { description: 'An identifier cannot be what its field says (HIN, VAT, phone).' },
    DUPLICATE_REFERENCE: { description: 'The agency already holds this reference; nothing was stored.' },
    NOT_FOUND: { description: 'A record named in the input does not exist or is not readable by the caller.' },
    FORBIDDEN: { description: 'The caller may not do this.' },
    CONFLICT: { description: 'The record changed since it was read, or the change contradicts its state.' },
  },
};

@ObjectType({ description: 'An expected failure of a mutation; a payload with user errors changed nothing.' })
export class UserError {
  @Field(() => ErrorCode, { description: 'Machine-readable reason.' })
  code: ErrorCode;

  @Field({ description: 'What is wrong, in words for the person who typed it.' })
  message: string;

  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input","items","2","hin"].' })
  field?: string[];
}

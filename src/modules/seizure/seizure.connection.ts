import { ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection';
import { SeizureType } from './seizure.type';

@ObjectType('SeizureConnection', { description: 'A page of seizures.' })
export class SeizureConnection extends Connection(SeizureType, 'Seizure', 'seizures') {}

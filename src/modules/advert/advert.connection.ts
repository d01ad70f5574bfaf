import { ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection';
import { AdvertType } from './advert.type';

@ObjectType('AdvertConnection', { description: 'A page of adverts.' })
export class AdvertConnection extends Connection(AdvertType, 'Advert', 'adverts') {}

import { ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection';
import { SupplierType } from './supplier.type';

@ObjectType('SupplierConnection', { description: 'A page of suppliers: newest first, or best match first for a search.' })
export class SupplierConnection extends Connection(SupplierType, 'Supplier', 'suppliers') {}

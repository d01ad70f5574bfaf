import { Foundation1795888290380 } from './1795888290380-Foundation';
import { RowLevelSecurity1795888290381 } from './1795888290381-RowLevelSecurity';

// Every migration, in order. `npm run migration:generate` writes a new file here; add its class below.
export const migrations: Function[] = [Foundation1795888290380, RowLevelSecurity1795888290381];

import type { HandlingCode } from '../../generated/schema-types';
import { HANDLING_HELP, handlingLabel } from '../format/labels';

export function Handling({ code }: { code: HandlingCode }) {
  return <span className={`tlp tlp-${code.toLowerCase()}`} title={HANDLING_HELP[code]}>{handlingLabel(code)}</span>;
}

/** Traffic Light Protocol 2.0 labels, as the registry stores them. */
export enum HandlingCode {
  TLP_CLEAR = 'TLP_CLEAR',
  TLP_GREEN = 'TLP_GREEN',
  TLP_AMBER = 'TLP_AMBER',
  TLP_AMBER_STRICT = 'TLP_AMBER_STRICT',
  TLP_RED = 'TLP_RED',
}

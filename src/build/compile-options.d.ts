// Types of compile-options.js.
import type { Options } from '@swc/core';

declare const compileOptions: Required<Pick<Options, 'jsc' | 'module'>>;
export = compileOptions;

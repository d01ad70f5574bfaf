import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface Common {
  label: string;
  /** The API's message for this field, if it named it. */
  error?: string;
  help?: ReactNode;
}

/** A labelled input whose error (from the API) is announced and tied to it. */
export function TextField({ label, error, help, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <label htmlFor={id}>
      {label}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...input} />
      {help && <span className="help">{help}</span>}
      {error && <span id={`${id}-error`} className="field-error" role="alert">{error}</span>}
    </label>
  );
}

export function SelectField({ label, error, help, options, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: Array<[string, string]> }) {
  const id = useId();
  return (
    <label htmlFor={id}>
      {label}
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...select}>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
      {help && <span className="help">{help}</span>}
      {error && <span id={`${id}-error`} className="field-error" role="alert">{error}</span>}
    </label>
  );
}

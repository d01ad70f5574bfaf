import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common {
  label: string;
  /** The API's message for this field, if it named it. */
  error?: string;
  help?: ReactNode;
}

/**
 * The label names the control and nothing else; its help and error are tied to it by
 * aria-describedby (and the error by aria-errormessage), so a screen reader reads them with it.
 */
function FieldFrame({ id, label, error, help, children }: Common & { id: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {help && <span id={`${id}-help`} className="help">{help}</span>}
      {error && <span id={`${id}-error`} className="field-error">{error}</span>}
    </div>
  );
}

function controlAria(id: string, { error, help }: Common) {
  const describedBy = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-errormessage': error ? `${id}-error` : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}

/** A labelled input whose error (from the API) is shown and tied to it. */
export function TextField({ label, error, help, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} help={help}>
      <input {...input} {...controlAria(id, { label, error, help })} />
    </FieldFrame>
  );
}

export function TextAreaField({ label, error, help, ...textarea }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} help={help}>
      <textarea {...textarea} {...controlAria(id, { label, error, help })} />
    </FieldFrame>
  );
}

export function SelectField({ label, error, help, options, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: Array<[string, string]> }) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} help={help}>
      <select {...select} {...controlAria(id, { label, error, help })}>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </FieldFrame>
  );
}

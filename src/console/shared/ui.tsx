/**
 * The console's building blocks, accessible by construction: a page whose heading takes the focus
 * when it opens (so a screen reader announces the new page after a client-side navigation), fields
 * with their label, forms that announce their error (role=alert) or success (role=status) and keep
 * the keyboard where it was.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { messageOf } from './client';
import { t } from './texts';

export function Page({ title, children }: { title: string; children?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Gatehouse`;
    heading.current?.focus();
  }, [title]);
  return (
    <section class="page" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </section>
  );
}

export function Alert({ message }: { message: string | null }) {
  return message ? (
    <p class="alert" role="alert">
      {message}
    </p>
  ) : null;
}

export function Notice({ message }: { message: string | null }) {
  return message ? (
    <p class="notice" role="status">
      {message}
    </p>
  ) : null;
}

export interface FieldProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url';
  name?: string;
  autoComplete?: string;
  required?: boolean;
  hint?: string;
  inputMode?: 'numeric' | 'text' | 'email';
  pattern?: string;
}

export function Field({ label, value, onValue, type = 'text', name, autoComplete, required = true, hint, inputMode, pattern }: FieldProps) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        // Preact's types tell input kinds apart by a literal `type`, and tsc needs ours narrowed to
        // one of them (a union of text kinds is not accepted); the lint rule does not see that.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        type={type as 'text'}
        value={value}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        pattern={pattern}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export interface FormProps {
  /** Runs on submit; its string result is announced as a success, what it throws as an error. */
  onSubmit: () => Promise<string | void>;
  submitLabel: string;
  children?: ComponentChildren;
  /** Extra buttons beside the submit button. */
  actions?: ComponentChildren;
  /** An accessible name for the form, when the page holds more than one. */
  label?: string;
}

export function Form({ onSubmit, submitLabel, children, actions, label }: FormProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone((await onSubmit()) || null);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={(event) => void submit(event)} aria-label={label}>
      {children}
      <Alert message={error} />
      <Notice message={done} />
      <div class="actions">
        <button type="submit" aria-disabled={busy}>
          {busy ? t('working') : submitLabel}
        </button>
        {actions}
      </div>
    </form>
  );
}

/** A button that runs an action and announces its failure. */
export function ActionButton({
  onClick,
  children,
  danger,
  secondary,
}: {
  onClick: () => Promise<void>;
  children: ComponentChildren;
  danger?: boolean;
  secondary?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onClick();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class={danger ? 'danger' : secondary ? 'secondary' : undefined} aria-disabled={busy} onClick={() => void run()}>
        {children}
      </button>
      <Alert message={error} />
    </>
  );
}

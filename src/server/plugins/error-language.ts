/**
 * Error messages in the reader's language: the signed-in user's `locale`, else the request's
 * Accept-Language, else DEFAULT_LOCALE. Only messages change: the default message of its code, a
 * specific message given by key (messageText()), and each `extensions.fields[].message` given by
 * key (fieldError()); a message given as a plain string (such as "No such user.") stays as written.
 * `extensions.code`, the fields' `code` and every other extension are untouched, so clients keep
 * matching on codes.
 */
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Locale } from '../../config/locales.js';
import type { Deps } from '../../deps.js';
import { englishOf, ErrorCodes, GatehouseError, type ErrorCode, type FieldError } from '../../errors.js';
import { FIELD_TEXT } from '../../errors/texts.js';
import { chooseLocale } from '../../i18n/negotiate.js';
import type { Context } from '../../schema/context.js';

export function useErrorLanguage(deps: Pick<Deps, 'config' | 'translator'>): Plugin {
  const fallback = deps.config.i18n.defaultLocale;
  /** The language chosen with the viewer, per request, for the later hook (weak: gone with the request). */
  const chosen = new WeakMap<Request, Locale>();
  const translate = (result: ExecutionResult, locale: Locale): ExecutionResult | null => {
    if (!result.errors?.length || locale === 'en') return null;
    let changed = false;
    const errors = result.errors.map((error) => {
      const message = messageIn(error, locale);
      const fields = fieldsIn(error, locale);
      if (message === null && fields === null) return error;
      changed = true;
      return new GraphQLError(message ?? error.message, {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        path: error.path,
        originalError: error.originalError,
        extensions: fields ? { ...error.extensions, fields } : error.extensions,
      });
    });
    return changed ? { ...result, errors } : null;
  };
  /** The message in `locale`: a code's default message, or a specific one given by key; else null (as written). */
  const messageIn = (error: GraphQLError, locale: Locale): string | null => {
    const text = gatehouseErrorOf(error)?.text;
    if (text && error.message === englishOf(text)) return deps.translator.t(locale, text.key, text.variables);
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !Object.hasOwn(ErrorCodes, code) || error.message !== ErrorCodes[code as ErrorCode]) return null;
    return deps.translator.t(locale, `errors.${code}`);
  };
  /** `extensions.fields` with every keyed message in `locale` (code and field unchanged), or null when none has a key. */
  const fieldsIn = (error: GraphQLError, locale: Locale): FieldError[] | null => {
    const fields = error.extensions?.fields;
    if (!Array.isArray(fields) || !fields.some((field: FieldError) => field[FIELD_TEXT])) return null;
    return fields.map((field: FieldError) => {
      const text = field[FIELD_TEXT];
      // The key is dropped from the copy: said once, never re-translated by the later hook.
      return text ? { ...field, message: deps.translator.t(locale, text.key, text.variables), [FIELD_TEXT]: undefined } : field;
    });
  };
  return {
    // With the context: the signed-in user's own language wins.
    onExecutionResult({ result, setResult, context }) {
      // Most results have no errors: nothing to choose a language for (and nothing later needs it).
      if (!result || Symbol.asyncIterator in result || !result.errors?.length) return;
      // Our context (createContext) is merged into yoga's by the time a result exists.
      const viewer = (context as Partial<Context>).viewer;
      const locale = chooseLocale(viewer?.user.locale, context.request.headers.get('accept-language'), fallback);
      chosen.set(context.request, locale);
      const translated = translate(result, locale);
      if (translated) setResult(translated);
    },
    // Everything else (parse and validation errors, limits, CSRF): the language chosen above when
    // there was one (an `en` user's English is not turned into the header's Spanish), else the
    // request's. A message already translated above is no longer English, so it is left alone.
    onResultProcess({ request, result, setResult }) {
      if (Array.isArray(result) ? !result.some((one) => one.errors?.length) : Symbol.asyncIterator in result || !result.errors?.length) return;
      const locale = chosen.get(request) ?? chooseLocale(null, request.headers.get('accept-language'), fallback);
      if (Array.isArray(result)) {
        const translated = result.map((one) => translate(one, locale) ?? one);
        if (translated.some((one, i) => one !== result[i])) setResult(translated);
      } else if (!(Symbol.asyncIterator in result)) {
        const translated = translate(result, locale);
        if (translated) setResult(translated);
      }
    },
  };
}

/** The GatehouseError behind a result's error: graphql-js wraps one thrown in a resolver. */
function gatehouseErrorOf(error: GraphQLError): GatehouseError | null {
  if (error instanceof GatehouseError) return error;
  return error.originalError instanceof GatehouseError ? error.originalError : null;
}

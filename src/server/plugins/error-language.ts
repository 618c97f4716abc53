/**
 * Error messages in the reader's language: the signed-in user's `locale`, else the request's
 * Accept-Language, else DEFAULT_LOCALE. Only the message changes, and only when it is the
 * default message of its code (a specific message, such as "No such user.", stays as written);
 * `extensions.code` and every other extension are untouched, so clients keep matching on codes.
 */
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Locale } from '../../config/locales.js';
import type { Deps } from '../../deps.js';
import { ErrorCodes, type ErrorCode } from '../../errors.js';
import { chooseLocale } from '../../i18n/negotiate.js';
import type { Context } from '../../schema/context.js';

export function useErrorLanguage(deps: Pick<Deps, 'config' | 'translator'>): Plugin {
  const fallback = deps.config.i18n.defaultLocale;
  const translate = (result: ExecutionResult, locale: Locale): ExecutionResult | null => {
    if (!result.errors?.length || locale === 'en') return null;
    let changed = false;
    const errors = result.errors.map((error) => {
      const code = error.extensions?.code;
      if (typeof code !== 'string' || !Object.hasOwn(ErrorCodes, code) || error.message !== ErrorCodes[code as ErrorCode]) return error;
      changed = true;
      return new GraphQLError(deps.translator.t(locale, `errors.${code}`), {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        path: error.path,
        originalError: error.originalError,
        extensions: error.extensions,
      });
    });
    return changed ? { ...result, errors } : null;
  };
  return {
    // With the context: the signed-in user's own language wins.
    onExecutionResult({ result, setResult, context }) {
      if (!result || Symbol.asyncIterator in result) return;
      // Our context (createContext) is merged into yoga's by the time a result exists.
      const viewer = (context as Partial<Context>).viewer;
      const locale = chooseLocale(viewer?.user.locale, context.request.headers.get('accept-language'), fallback);
      const translated = translate(result, locale);
      if (translated) setResult(translated);
    },
    // Everything else (parse and validation errors, limits, CSRF): the request's language. A
    // message already translated above is no longer the English default, so it is left alone.
    onResultProcess({ request, result, setResult }) {
      const locale = chooseLocale(null, request.headers.get('accept-language'), fallback);
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

// The page's language: ?lang= first, then the browser's language; an unknown
// ?lang= value falls back and is reported, never silently dropped.

import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { chooseLanguage, messagesFor } from '../src/i18n/index';
import { ko } from '../src/i18n/ko';

describe('language choice', () => {
  it('follows a Korean browser', () => {
    expect(chooseLanguage('', 'ko-KR').lang).toBe('ko');
    expect(chooseLanguage('', 'ko').lang).toBe('ko');
  });

  it('defaults to English for other browsers or none', () => {
    expect(chooseLanguage('', 'de-DE').lang).toBe('en');
    expect(chooseLanguage('', undefined).lang).toBe('en');
  });

  it('?lang= overrides the browser, case-insensitively', () => {
    expect(chooseLanguage('?lang=en', 'ko-KR')).toMatchObject({ lang: 'en', rejected: null });
    expect(chooseLanguage('?lang=KO', 'en-US')).toMatchObject({ lang: 'ko', rejected: null });
  });

  it('an unknown ?lang= falls back to the browser language and is reported', () => {
    const choice = chooseLanguage('?lang=fr', 'ko-KR');
    expect(choice).toMatchObject({ lang: 'ko', rejected: 'fr' });
    expect(choice.messages.badLang('fr')).toContain('"fr"');
    expect(chooseLanguage('?lang=', 'en-US')).toMatchObject({ lang: 'en', rejected: '' });
  });

  it('Korean has every text the English page has, and translates it', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    expect(messagesFor('ko').tagline).not.toBe(en.tagline);
  });
});

'use strict';
// Dates as people write them (core/dates.js), in the edition's language.
const test = require('node:test');
const assert = require('node:assert/strict');
const { core } = require('./helpers.js');

const { formatDate, parseDate } = core('dates');

test('an ISO date in the long form of the language', () => {
  assert.equal(formatDate('2026-11-26', 'en-GB'), '26 November 2026');
  assert.equal(formatDate('2026-11-26', 'cy-GB'), '26 Tachwedd 2026');
  assert.equal(formatDate('2026-11-26', 'fr-FR'), '26 novembre 2026');
  assert.equal(formatDate(' 2027-01-05 ', 'en-GB'), '5 January 2027');
});

test('the day never shifts with the time zone of the reader', () => {
  assert.equal(formatDate('2026-01-01', 'en-GB'), '1 January 2026');
  assert.equal(formatDate('2026-12-31', 'en-GB'), '31 December 2026');
  assert.equal(formatDate(new Date('2026-12-01T09:30:00Z'), 'en-GB'), '1 December 2026');
});

test('anything else stays as the group typed it', () => {
  for (const typed of ['March 2027', 'Q3', 'next spring', '2026-02-30', '2026-13-01', '26/11/2026', '']) {
    assert.equal(formatDate(typed, 'en-GB'), typed);
  }
  assert.equal(formatDate(null, 'en-GB'), '');
  assert.equal(formatDate(undefined, 'en-GB'), '');
  assert.equal(formatDate(new Date('nonsense'), 'en-GB'), '');
});

test('a language tag Intl refuses falls back to its default, without throwing', () => {
  assert.match(formatDate('2026-11-26', 'not a tag!'), /2026/);
  assert.match(formatDate('2026-11-26', ''), /2026/);
});

test('parseDate: only calendar dates that exist', () => {
  assert.equal(parseDate('2028-02-29').toISOString(), '2028-02-29T00:00:00.000Z');
  assert.equal(parseDate('2027-02-29'), null);
  assert.equal(parseDate(20261126), null);
});

import { agenciesScope, ALL_AGENCIES } from '@soc/shared';
import { isDeliverable, prioritiesMeeting, selectionFor } from '../src/feed-filter';
import { stored } from './stored-message';

describe('selectionFor', () => {
  it('leaves a province-wide caller without filters unrestricted', () => {
    expect(selectionFor(ALL_AGENCIES, {})).toEqual({});
  });

  it('restricts an agency-scoped caller to its agencies even without filters', () => {
    expect(selectionFor(agenciesScope(['so-a', 'so-b']), {})).toEqual({ agencies: ['so-a', 'so-b'] });
  });

  it('narrows within the scope and never widens it', () => {
    const scope = agenciesScope(['so-a', 'so-b']);
    expect(selectionFor(scope, { agencies: ['so-b', 'so-c'] })).toEqual({ agencies: ['so-b'] });
    expect(selectionFor(scope, { agencies: ['so-c'] })).toEqual({ agencies: [] });
    expect(selectionFor(ALL_AGENCIES, { agencies: ['so-c', 'so-c'] })).toEqual({ agencies: ['so-c'] });
  });

  it('keeps types and minPriority', () => {
    expect(selectionFor(ALL_AGENCIES, { types: ['incident.created', 'incident.created'], minPriority: 'P2' })).toEqual({ types: ['incident.created'], minPriority: 'P2' });
  });
});

describe('isDeliverable', () => {
  const itA = agenciesScope(['so-a']);

  it('applies the scope: an agency-scoped caller never gets another agency or province-wide messages', () => {
    expect(isDeliverable(itA, selectionFor(itA, {}), stored(1, { agencyId: 'so-a' }))).toBe(true);
    expect(isDeliverable(itA, selectionFor(itA, {}), stored(2, { agencyId: 'so-b' }))).toBe(false);
    expect(isDeliverable(itA, selectionFor(itA, {}), stored(3, { agencyId: null }))).toBe(false);
  });

  it('checks the scope even when handed a selection that would widen it', () => {
    expect(isDeliverable(itA, { agencies: ['so-b'] }, stored(1, { agencyId: 'so-b' }))).toBe(false);
    expect(isDeliverable(itA, {}, stored(1, { agencyId: null }))).toBe(false);
  });

  it('excludes province-wide messages once a province-wide caller filters by agency', () => {
    const selection = selectionFor(ALL_AGENCIES, { agencies: ['so-a'] });
    expect(isDeliverable(ALL_AGENCIES, selection, stored(1, { agencyId: 'so-a' }))).toBe(true);
    expect(isDeliverable(ALL_AGENCIES, selection, stored(2, { agencyId: null }))).toBe(false);
    expect(isDeliverable(ALL_AGENCIES, {}, stored(3, { agencyId: null }))).toBe(true);
  });

  it('filters by type', () => {
    const selection = selectionFor(ALL_AGENCIES, { types: ['incident.created', 'sla.breached'] });
    expect(isDeliverable(ALL_AGENCIES, selection, stored(1, { type: 'sla.breached' }))).toBe(true);
    expect(isDeliverable(ALL_AGENCIES, selection, stored(2, { type: 'alert.created' }))).toBe(false);
  });

  it('passes a message with a priority when it meets minPriority, and one without priority always', () => {
    const selection = selectionFor(ALL_AGENCIES, { minPriority: 'P2' });
    expect(isDeliverable(ALL_AGENCIES, selection, stored(1, { priority: 'P1' }))).toBe(true);
    expect(isDeliverable(ALL_AGENCIES, selection, stored(2, { priority: 'P2' }))).toBe(true);
    expect(isDeliverable(ALL_AGENCIES, selection, stored(3, { priority: 'P3' }))).toBe(false);
    expect(isDeliverable(ALL_AGENCIES, selection, stored(4, { type: 'source.silent', priority: null }))).toBe(true);
  });
});

describe('prioritiesMeeting', () => {
  it('lists the threshold and everything more urgent', () => {
    expect(prioritiesMeeting('P1')).toEqual(['P1']);
    expect(prioritiesMeeting('P3')).toEqual(['P1', 'P2', 'P3']);
    expect(prioritiesMeeting('P4')).toEqual(['P1', 'P2', 'P3', 'P4']);
  });
});

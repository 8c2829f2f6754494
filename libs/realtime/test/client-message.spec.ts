import { ErrorCode, SocError } from '@soc/shared';
import { parseClientMessage } from '../src/client-message';

/** The SocError a frame is rejected with (fails the test if it is accepted). */
function rejection(frame: string, isBinary = false): SocError {
  try {
    parseClientMessage(frame, isBinary);
  } catch (error) {
    expect(error).toBeInstanceOf(SocError);
    return error as SocError;
  }
  throw new Error(`accepted ${frame}`);
}

describe('parseClientMessage', () => {
  it('reads a full subscribe', () => {
    const frame = JSON.stringify({ type: 'subscribe', since: 42, filters: { agencies: ['so-a'], minPriority: 'P3', types: ['alert.created', 'incident.created'] } });
    expect(parseClientMessage(frame)).toEqual({ type: 'subscribe', since: 42, filters: { agencies: ['so-a'], minPriority: 'P3', types: ['alert.created', 'incident.created'] } });
  });

  it('reads a subscribe without since or filters (null as absent)', () => {
    expect(parseClientMessage('{"type":"subscribe"}')).toEqual({ type: 'subscribe', filters: {} });
    expect(parseClientMessage('{"type":"subscribe","since":null,"filters":null}')).toEqual({ type: 'subscribe', filters: {} });
    expect(parseClientMessage('{"type":"subscribe","since":0,"filters":{}}')).toEqual({ type: 'subscribe', since: 0, filters: {} });
  });

  it('reads an ack, from a Buffer too', () => {
    expect(parseClientMessage(Buffer.from('{"type":"ack","seq":7}'))).toEqual({ type: 'ack', seq: 7 });
  });

  it.each([
    ['not json', undefined, 'not valid JSON'],
    ['[1,2]', undefined, 'JSON object'],
    ['"subscribe"', undefined, 'JSON object'],
    ['null', undefined, 'JSON object'],
    ['{}', 'type', 'unknown message type undefined'],
    ['{"type":"unsubscribe"}', 'type', 'unknown message type "unsubscribe"'],
    ['{"type":"subscribe","since":-1}', 'since', 'non-negative integer'],
    ['{"type":"subscribe","since":1.5}', 'since', 'non-negative integer'],
    ['{"type":"subscribe","since":"10"}', 'since', 'non-negative integer'],
    ['{"type":"subscribe","since":1e300}', 'since', 'non-negative integer'],
    ['{"type":"subscribe","filters":[]}', 'filters', 'must be an object'],
    ['{"type":"subscribe","filters":{"minPriority":"P9"}}', 'filters.minPriority', 'P1, P2, P3, P4'],
    ['{"type":"subscribe","filters":{"minPriority":3}}', 'filters.minPriority', 'P1, P2, P3, P4'],
    ['{"type":"subscribe","filters":{"types":["alert.created","alert.deleted"]}}', 'filters.types', 'unknown "alert.deleted"'],
    ['{"type":"subscribe","filters":{"types":[]}}', 'filters.types', 'must list'],
    ['{"type":"subscribe","filters":{"agencies":[]}}', 'filters.agencies', 'agency ids'],
    ['{"type":"subscribe","filters":{"agencies":[1]}}', 'filters.agencies', 'agency ids'],
    ['{"type":"subscribe","filters":{"agencies":"so-a"}}', 'filters.agencies', 'agency ids'],
    ['{"type":"subscribe","filters":{"severity":"high"}}', 'filters.severity', 'unknown field filters.severity'],
    ['{"type":"subscribe","sinse":3}', 'sinse', 'unknown field sinse'],
    ['{"type":"ack"}', 'seq', 'non-negative integer'],
    ['{"type":"ack","seq":"5"}', 'seq', 'non-negative integer'],
    ['{"type":"ack","seq":5,"extra":1}', 'extra', 'unknown field extra'],
  ])('rejects %s (field %s)', (frame, field, message) => {
    const error = rejection(frame);
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toContain(message);
    expect(error.details?.field).toBe(field);
  });

  it('rejects binary frames', () => {
    expect(rejection('{"type":"ack","seq":1}', true).message).toContain('binary frames');
  });

  it('rejects more agencies than a subscribe may name', () => {
    const agencies = Array.from({ length: 201 }, (_, i) => `so-${i}`);
    expect(rejection(JSON.stringify({ type: 'subscribe', filters: { agencies } })).details?.field).toBe('filters.agencies');
  });
});

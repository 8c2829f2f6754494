import { EventFields } from '../format-parser';
import { commonName, EventData, text } from './event-data';
import { account, defined, meaning, Semantics } from './semantics';

/**
 * Account management as Winlogbeat maps it: `user.*` is who acted (Subject*), the account acted on
 * is `user.target.*`, which SecurityEvent has no room for, so it sits in `vendor.windows.user.target`.
 */
function userChange(action: string, type: string[]): Semantics {
  return (data) => {
    const target = account(data, 'Target');
    return withActor(data, {
      event: meaning(action, ['iam'], ['user', ...type]),
      ...(target ? { vendor: { windows: { user: { target } } } } : {}),
    });
  };
}

/** 4740: TargetDomainName holds the caller computer, not a domain. */
const lockedOut: Semantics = (data) => {
  const target = defined({ name: text(data, 'TargetUserName'), id: text(data, 'TargetSid') });
  const caller = text(data, 'TargetDomainName');
  return withActor(data, {
    event: meaning('locked-out-user-account', ['iam'], ['user', 'change']),
    ...(caller ? { source: { domain: caller } } : {}),
    ...(target ? { vendor: { windows: { user: { target } } } } : {}),
  });
};

/** Group events name the group in Target*, the member (4728/4732/4756…) in MemberName (a DN) and MemberSid. */
function groupChange(action: string, type: string[]): Semantics {
  return (data) => {
    const group = defined({ name: text(data, 'TargetUserName'), id: text(data, 'TargetSid') });
    const member = defined({ name: commonName(text(data, 'MemberName')), id: text(data, 'MemberSid') });
    return withActor(data, {
      event: meaning(action, ['iam'], ['group', ...type]),
      ...(group ? { group } : {}),
      ...(member ? { vendor: { windows: { user: { target: member } } } } : {}),
    });
  };
}

function withActor(data: EventData, fields: EventFields): EventFields {
  const actor = account(data, 'Subject');
  return actor ? Object.assign({}, fields, { user: actor }) : fields;
}

export const ACCOUNT_EVENTS: ReadonlyMap<number, Semantics> = new Map([
  [4720, userChange('added-user-account', ['creation'])],
  [4722, userChange('enabled-user-account', ['change'])],
  [4723, userChange('changed-password', ['change'])],
  [4724, userChange('reset-password', ['change'])],
  [4725, userChange('disabled-user-account', ['change'])],
  [4726, userChange('deleted-user-account', ['deletion'])],
  [4738, userChange('modified-user-account', ['change'])],
  [4767, userChange('unlocked-user-account', ['change'])],
  [4798, userChange('group-membership-enumerated', ['info'])],
  [4740, lockedOut],
  [4727, groupChange('added-group-account', ['creation'])],
  [4731, groupChange('added-group-account', ['creation'])],
  [4754, groupChange('added-group-account', ['creation'])],
  [4728, groupChange('added-member-to-group', ['change'])],
  [4732, groupChange('added-member-to-group', ['change'])],
  [4756, groupChange('added-member-to-group', ['change'])],
  [4729, groupChange('removed-member-from-group', ['change'])],
  [4733, groupChange('removed-member-from-group', ['change'])],
  [4757, groupChange('removed-member-from-group', ['change'])],
  [4730, groupChange('deleted-group-account', ['deletion'])],
  [4734, groupChange('deleted-group-account', ['deletion'])],
  [4758, groupChange('deleted-group-account', ['deletion'])],
  [4799, groupChange('user-member-enumerated', ['info'])],
]);

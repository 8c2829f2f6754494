import { InitialSchema1764518400000 } from './1764518400000-InitialSchema';
import { AccessControl1764604800000 } from './1764604800000-AccessControl';
import { EventSearchIndexes1764691200000 } from './1764691200000-EventSearchIndexes';
import { DeadLetterReplay1764777600000 } from './1764777600000-DeadLetterReplay';
import { SourceProfiles1764864000000 } from './1764864000000-SourceProfiles';
import { SourceHealth1764950400000 } from './1764950400000-SourceHealth';
import { AssetInventory1765036800000 } from './1765036800000-AssetInventory';
import { ThreatIntel1765123200000 } from './1765123200000-ThreatIntel';
import { AlertContext1765209600000 } from './1765209600000-AlertContext';
import { RuleManagement1765296000000 } from './1765296000000-RuleManagement';
import { DetectionStateBytes1765382400000 } from './1765382400000-DetectionStateBytes';
import { Incidents1765468800000 } from './1765468800000-Incidents';
import { LiveFeedDelivery1765555200000 } from './1765555200000-LiveFeedDelivery';
import { SecurityPosture1765641600000 } from './1765641600000-SecurityPosture';
import { IncidentReports1765728000000 } from './1765728000000-IncidentReports';
import { NationalConnector1765814400000 } from './1765814400000-NationalConnector';
import { PeriodicReports1765900800000 } from './1765900800000-PeriodicReports';

/** Every migration, oldest first. Landed migrations are never edited; add a new one instead. */
export const MIGRATIONS = [InitialSchema1764518400000, AccessControl1764604800000, EventSearchIndexes1764691200000, DeadLetterReplay1764777600000, SourceProfiles1764864000000, SourceHealth1764950400000, AssetInventory1765036800000, ThreatIntel1765123200000, AlertContext1765209600000, RuleManagement1765296000000, DetectionStateBytes1765382400000, Incidents1765468800000, LiveFeedDelivery1765555200000, SecurityPosture1765641600000, IncidentReports1765728000000, NationalConnector1765814400000, PeriodicReports1765900800000];

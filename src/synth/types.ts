/** Shared shapes of the generator (internal to src/synth). */
import type { Municipality } from './municipalities.ts';

export type Tillatelse =
  | 'ASYL_28' | 'KOLLEKTIV_34' | 'OVERFORING_35' | 'HUMANITAER_38' | 'BARNEFAMILIE_38_5'
  | 'FAMILIE_FLYKTNING' | 'FAMILIE_SELVSTENDIG_53' | 'FAMILIE_NORSK' | 'ARBEID_23'
  | 'NAERING_25' | 'FAMILIE_ARBEID' | 'ASYLSOKER_MOTTAK' | 'EOS';
export type Utdanning = 'ingen' | 'grunnskole' | 'vgo' | 'hoyere' | 'ukjent';
export type Stream = 'refugee' | 'familie_norsk' | 'work' | 'mottak' | 'eos';

/** A generated person with the facts later tables depend on. Dates are day numbers. */
export interface Person {
  readonly id: string;
  readonly stream: Stream;
  readonly tillatelse: Tillatelse;
  readonly innvandringskategori: string;
  readonly land: string;
  readonly woman: boolean;
  readonly birth: number;
  readonly arrival: number;
  readonly permit: number;
  /** Settlement day; undefined for groups that are not settled or not yet settled. */
  readonly settlement: number | undefined;
  readonly kommune: Municipality;
  readonly education: Utdanning;
  readonly children: boolean;
  readonly emigrated: number | undefined;
  readonly died: number | undefined;
  /** First day the person is no longer resident (emigration, death) or after the data period. */
  readonly exit: number;
  readonly newAct: boolean;
  /** Per-person number in [0,1) to pick old municipality units consistently. */
  readonly codeR: number;
  /** Persistent individual employability (log-odds scale). */
  readonly frailty: number;
  /** Persistent language aptitude. */
  readonly aptitude: number;
}

/** Derived target group (law-rules §2). */
export type Maalgruppe = 'intro' | 'norsk_rett_plikt' | 'norsk_plikt' | 'asylsoker' | 'utenfor';

/** What the programme stage hands to language and outcomes. */
export interface ProgrammeFacts {
  readonly start: number;
  readonly end: number | undefined;
  readonly plannedEnd: number;
  readonly vgoHeltid: boolean;
  readonly lastGoal: string;
  readonly subgroup: 'har_vgo' | 'under_25' | 'ovrige';
  readonly decision: number;
}

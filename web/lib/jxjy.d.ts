// Type declarations of web/jxjy.js, the jxjy JS module (CONTRACT §1). Hand-checked against the
// core's output (core/src/result/to_json.cpp) and the profile reader (core/src/profile/read_profile.cpp); the enum
// unions are held to core/data/vocabulary.json by tests/node/vocabulary.test.mjs.

// ---------------------------------------------------------------------------------------------
// Profile (CONTRACT §2)

export type Route = 'review' | 'recognition' | 'appointment';
export type Level = 'junior' | 'intermediate' | 'senior';
export type Gender = 'male' | 'female';
export type Education = 'associate' | 'bachelor' | 'master' | 'doctorate';
export type Sector = 'public' | 'non_public';
/** The professional's series, where a notice hands a series to its own department (CONTRACT §4.1). */
export type Series = 'health' | 'accounting' | 'education' | 'other';
export type Subject = 'public' | 'professional';
export type ConferenceLevel = 'international' | 'national' | 'provincial' | 'prefecture';
export type Activity =
  | 'course'
  | 'training_class'
  | 'advanced_seminar'
  | 'conference'
  | 'degree_study'
  | 'study_visit'
  | 'teaching'
  | 'qualification_exam'
  | 'skill_training'
  | 'exam_prep'
  | 'new_hire_training'
  | 'fa_xuan_online'
  | 'other';

/** One training activity. Give exactly one amount: hours, minutes, days, months or subjects. */
/** A roll opened by openRoll: readRoll's answer without its people. */
export interface OpenRoll extends Omit<Roll, 'people'> {
  /** People in the roll (0 when errors holds a problem of the whole file). */
  size: number;
  people(from: number, count: number): RollPerson[];
  close(): void;
}

export interface TrainingRecord {
  /** The year of the activity; may be left out when start and end are given (then: the start's year). */
  year?: number;
  /** YYYY-MM-DD: the dates of the activity. A record over several years is one occasion (CONTRACT §4.1). */
  start?: string;
  end?: string;
  /** Records with the same occasion are one occasion for caps and once-only rules. */
  occasion?: string;
  subject: Subject;
  activity: Activity;
  hours?: number;
  minutes?: number;
  days?: number;
  months?: number;
  /** qualification_exam: the number of subjects passed. */
  subjects?: number;
  /** Conferences: the level of the meeting. */
  level?: ConferenceLevel;
  /** The provider was filed with the bureau where the rules require it. Default true; null: not known
   * (CONTRACT §5.1: counted as filed, and the result warns filing_unknown where the verdict depends on it). */
  filed?: boolean | null;
  note?: string;
}

/** A special situation of the applicant (CONTRACT §2, circumstance kinds). */
export type Circumstance =
  | { kind: 'epidemic_frontline'; years: number[] }
  | { kind: 'postdoc' }
  | { kind: 'transferred_from_government'; year: number }
  | { kind: 'exceptional'; yearsInPost: number }
  | { kind: 'high_skill_leader' }
  | { kind: 'village_first_secretary'; fullYears: number; years?: number[] }
  | { kind: 'fanghuiju' };

export type CircumstanceKind = Circumstance['kind'];

export interface Profile {
  /** GB/T 2260 six-digit code; an unknown code falls back to its city, then its province. */
  region: string;
  /** Year of the title application. */
  year: number;
  /** YYYY-MM-DD; default YEAR-12-31. */
  applicationDate?: string;
  /** Default 'review'. */
  route?: Route;
  level: Level;
  gender?: Gender;
  /** Age in full years (or give birthDate). */
  age?: number;
  /** YYYY-MM-DD. */
  birthDate?: string;
  education?: Education;
  /** Default 'public'. */
  sector?: Sector;
  /** 苏木、乡镇等基层一线. Default false. */
  grassroots?: boolean;
  /** Year the current title was obtained. */
  currentTitleSince?: number;
  circumstances?: Circumstance[];
  training: TrainingRecord[];
  /** Language of the messages. Default 'zh'. */
  locale?: 'zh' | 'en';
  /** YYYY-MM-DD: the day of the check (default: applicationDate); decides which shortfalls can still be completed. */
  checkDate?: string;
  /** The professional's series, where a notice hands it to its own department. Default 'other'. */
  series?: Series;
}

// ---------------------------------------------------------------------------------------------
// Result (CONTRACT §3)

/** Where a requirement, conversion or exemption comes from: document number (or title) and clause. */
export interface Source {
  number: string;
  clause: string;
}

export interface Document {
  title: string;
  /** The document number, or its title when it has none. */
  number: string;
  date?: string;
  issuer?: string;
  note?: string;
}

export interface RuleSetInfo {
  id: string;
  region: string;
  regionName: string;
  year: number;
  /** The rule file: its file name, or `rules[i]` for a rule set passed in options.rules. */
  file: string;
  /** Whose notice it is and where it is applied, when not plainly the region's own (新疆). */
  scope?: string;
  sources: Document[];
}

export interface Amount {
  credited: number;
  required: number;
}

export interface YearResult {
  year: number;
  met: boolean;
  waived: boolean;
  /** false: the verdict does not need this year (exempt results; years beyond N under "any N"). */
  required: boolean;
  public: Amount;
  professional: Amount;
  total: Amount;
}

export interface Shortfall {
  year: number;
  subject: Subject | 'total';
  /** The fewest hours still missing (exact gap rounded up to the hundredth; never 0). */
  hours: number;
  /** Whether these hours can still be earned and registered as of checkDate. */
  canComplete: boolean;
  /** YYYY-MM-DD by which they must be, or null when no notice gives one. */
  deadline: string | null;
  /** The clause deciding canComplete and deadline. */
  source: Source;
}

export type RecordReasonCode =
  | 'activity_excluded'
  | 'not_filed'
  | 'subject_not_allowed'
  | 'unit_not_accepted'
  | 'outside_window'
  | 'capped'
  | 'already_credited'
  /** Days of a dated record outside the notice year's study period earn nothing for that year. */
  | 'outside_period'
  | (string & {});

export interface RecordResult {
  /** Position of the record in profile.training. */
  index: number;
  year: number;
  subject: Subject;
  activity: Activity;
  credited: number;
  counted: boolean;
  /** The conversion in words, e.g. "5 天 × 8 学时". */
  basis: string;
  source?: Source;
  /** The years a record over several years credits, and how much each (CONTRACT §4.2). */
  years?: { year: number; credited: number }[];
  /** Why the record does not count, or counts for less (when several apply: the first's code, all messages). */
  reason?: { code: RecordReasonCode; message: string; source?: Source };
}

export type ReasonCode =
  | 'requirement'
  | 'exempt'
  | 'advisory'
  | 'requirement_replaced'
  | 'years_deemed'
  | 'years_waived'
  | 'years_since_circumstance'
  | 'years_in_post'
  | 'cannot_complete'
  | 'year_not_met'
  | 'window_too_short'
  /** A reduction that also applies but is not combined with the more favourable one chosen. */
  | 'reduction_not_combined'
  | (string & {});

export type WarningCode =
  | 'region_fallback'
  | 'rule_set_outdated'
  | 'rule_set_not_in_force'
  | 'interpretation'
  | 'circumstance_not_applicable'
  | 'title_year_assumed'
  | 'unknown_field'
  | 'age_mismatch'
  | 'own_department_rules'
  | 'application_date_assumed'
  /** CONTRACT §5.1: the verdict depends on records of unknown filing (`records`, `statusIfUnfiled`). */
  | 'filing_unknown'
  /** Undated records of the notice year were taken as inside its study period, and that decides the verdict. */
  | 'period_assumed'
  /** The notice states no deadline for a year whose hours are still missing (the deadline is null). */
  | 'deadline_not_stated'
  /** Whose notice the rule set follows and where it is applied (新疆: a city's notice applied region-wide). */
  | 'rule_set_scope'
  /** A one-value circumstance (转任 `year`, 破格 `yearsInPost`) given with differing values: the one that asks most hours applied. */
  | 'circumstance_entries_differ'
  | (string & {});

export type ErrorCode =
  | 'invalid_json'
  | 'not_object'
  | 'missing'
  | 'wrong_type'
  | 'invalid_value'
  | 'out_of_range'
  | 'invalid_date'
  | 'region_not_covered'
  | 'too_many'
  | 'too_deep'
  | 'conflicting_amounts'
  | 'missing_amount'
  | 'too_long'
  /** A key given twice in one object (at the second one). */
  | 'duplicate_key'
  /** The CLI only: a file or stdin that cannot be read. */
  | 'unreadable'
  /** Made by jxjy.js: the profile could not be turned into JSON (circular, BigInt, undefined, …). */
  | 'invalid_input'
  /** Made by jxjy.js: the wasm instance failed; this checker answers only this from then on. */
  | 'internal_error'
  | (string & {});

export interface Reason {
  code: ReasonCode;
  message: string;
  source?: Source;
}

export interface Warning {
  code: WarningCode;
  message: string;
  /** JSON Pointer into the profile, for input warnings such as unknown_field. */
  path?: string;
  source?: Source;
  /** filing_unknown: the indexes (profile.training) of the records of unknown filing. */
  records?: number[];
  /** filing_unknown: the status were those records not filed. */
  statusIfUnfiled?: Status;
}

export interface InputError {
  code: ErrorCode;
  /** JSON Pointer into the profile ("" for the whole profile). */
  path: string;
  message: string;
  /** jxjy.js errors only: the JavaScript engine's own words. */
  detail?: string;
}

export type Status = 'met' | 'exempt' | 'advisory' | 'short';

/** The profile was checked (whatever the verdict). */
export interface CheckedResult {
  ok: true;
  /** False only when status is 'short'. */
  eligible: boolean;
  status: Status;
  /** Present (true) when the status holds only on a condition the person has not confirmed: records of
   * unknown filing that, were they unfiled, would give another status (warning filing_unknown, its
   * statusIfUnfiled). Never show such a result as a bare 达标 (CONTRACT §5.1). */
  conditional?: true;
  ruleSet: RuleSetInfo;
  /** How many compliant years must be shown (0 when exempt). */
  requiredYears: number;
  /** The years that may count. */
  window: number[];
  /** Every year of the window. */
  years: YearResult[];
  /** Empty unless status is 'short'. */
  shortfall: Shortfall[];
  /** One entry per training record, in input order. */
  records: RecordResult[];
  reasons: Reason[];
  warnings: Warning[];
  errors?: undefined;
}

/** Bad input: every problem found, each with a JSON Pointer. */
export interface FailedResult {
  ok: false;
  errors: InputError[];
  warnings: Warning[];
}

export type Result = CheckedResult | FailedResult;

// ---------------------------------------------------------------------------------------------
// The notice's own forms (CONTRACT §5.2)

/** What filled a field: a profile field, a record field, a figure of the result, or "template" (a line of fills). */
export type FormFill =
  | 'profile.gender' | 'profile.birthMonth' | 'profile.education' | 'profile.level' | 'profile.circumstance'
  | 'record.content' | 'record.period' | 'record.activity'
  | 'result.recordHours' | 'result.year' | 'result.professional' | 'result.missing' | 'result.yearHours'
  | 'result.activities';

export interface FormField {
  /** The label exactly as the notice's form prints it (姓名, 培训科目及内容 …). */
  label: string;
  /** An English gloss of the label. */
  labelEn: string;
  /** The entry, in the form's language; null: a blank to fill in by hand (身份证号, signatures, 姓名). */
  value: string | null;
  /** What filled it: null for a blank, "template" for a line of fills (listed in `fills`). */
  from: FormFill | 'template' | null;
  fills?: FormFill[];
  /** The form's own printed words in the cell (个人签字：____ 年 月 日). */
  printed?: string;
  /** Printed on the line of the field before it. */
  sameLine?: boolean;
}

export interface Form {
  id: string;
  /** The form's own title. */
  title: string;
  /** The attachment's name in the notice: 附表, 附件1 … */
  attachment: string;
  source: { number: string; title: string; clause: string };
  /** What it is for and where it goes, in the profile's locale. */
  purpose: string;
  /** The reading of the notice it rests on, where the notice is silent. */
  interpretation?: string;
  /** What this copy is for: a record (its index), a year, or a circumstance. */
  for: { record?: number; year?: number; circumstance?: CircumstanceKind };
  fields: FormField[];
  /** A table printed in the cell of the field `field`. */
  rows?: { field: string; columns: string[]; columnsEn: string[]; values: string[][] };
  /** The form's own printed note (说明, 注). */
  note?: string;
}

export interface FormsResult {
  ok: true;
  forms: Form[];
}

// ---------------------------------------------------------------------------------------------
// Region catalogue

export interface RegionRuleSet {
  id: string;
  /** The notice year. */
  year: number;
  /** YYYY-MM-DD. */
  validFrom: string;
  /** The rule set this one is a patch of (its file says "basedOn"), when it is one. */
  basedOn?: string;
  sources: { title: string; number: string; date?: string }[];
  /** The circumstances this rule set knows. */
  circumstances: {
    kind: CircumstanceKind;
    text: string;
    textEn: string;
    source: { number: string; title: string; clause: string };
  }[];
}

export interface RegionEntry {
  region: string;
  name: string;
  nameEn: string;
  ruleSets: RegionRuleSet[];
}

// ---------------------------------------------------------------------------------------------
// Checker

/** A rule set in the rules/ format (rules/README.md, rules/*.schema.json). */
export type RuleSet = Record<string, unknown>;

/** One problem of options.rules. */
export interface RuleError {
  /** Position in options.rules; -1 when the problem is with the list itself. */
  index: number;
  /** The rule set's id when it has one, else "". */
  id: string;
  /** "rules[i]" (or "rules" / "" for the list itself). */
  file: string;
  /** JSON Pointer into the rule set ("" for the whole of it). */
  path: string;
  code: string;
  message: string;
}

/** The Error createChecker rejects with when options.rules is invalid. */
export interface RulesError extends Error {
  code: 'invalid_rules';
  errors: RuleError[];
}

export interface CheckerOptions {
  /** Rule sets replacing the built-in ones. Invalid ones make createChecker reject with a RulesError. */
  rules?: RuleSet[];
  /** Where the wasm comes from: a URL (default: jxjy.wasm beside jxjy.js), its bytes, or a compiled module. */
  wasm?: string | URL | ArrayBuffer | ArrayBufferView | WebAssembly.Module;
}

export interface Checker {
  /** The library version, e.g. "1.0.0". */
  readonly version: string;
  /** Profile object in, result object out. Never throws: any value is accepted at run time, bad input gives an ok:false result. */
  evaluate(profile: Profile): Result;
  /** The same for a profile given as JSON text; malformed text gives an invalid_json error. */
  evaluateJSON(text: string): Result;
  /**
   * The notice's own forms this profile needs (CONTRACT §5.2), filled from the profile and its result;
   * bad input gives the same ok:false result as evaluate. Never throws.
   */
  forms(profile: Profile): FormsResult | FailedResult;
  /** The same for a profile given as JSON text; malformed text gives evaluateJSON's invalid_json error. */
  formsJSON(text: string): FormsResult | FailedResult;
  /** The region catalogue: every region with rules, its rule sets and the circumstances they know. */
  regions(): RegionEntry[];
  /**
   * The rule set with this id in words, as Markdown (the text of `jxjy explain ID`): every requirement,
   * conversion, cap, exclusion, filing rule and adjustment, each with its document and clause, and
   * every interpretation. null when no rule set has that id. Throws a RangeError for another locale.
   */
  explain(id: string, locale?: 'zh' | 'en'): string | null;
  /**
   * The id of the rule set a profile of this region and application date is checked against (the
   * checker's own choice: the region's rule sets, else its city's or province's; the latest in force on
   * the date, else the earliest), or null when none covers the region. applicationDate: 'YYYY-MM-DD' or
   * an application year (its 31 December). Throws TypeError for a region that is not six digits,
   * RangeError for a date that is neither.
   */
  ruleSetFor(region: string, applicationDate: string | number): string | null;
  /**
   * A roll (README "Roll"): CSV text of many people, one row per training record, read by the core's
   * one reader (the same as `jxjy roll`). A leading BOM is dropped. Throws a RangeError for another locale.
   */
  readRoll(text: string, options?: RollOptions): Roll;
  /**
   * The same reading a part at a time, for a roll of any size (the page's roll worker): the header and
   * each row's person are found now; people(from, count) reads people [from, from + count) as readRoll
   * gives them; close() lets the text go. One roll is open at a time: opening another closes this one.
   * text may also be the file's bytes as UTF-8 (a Uint8Array, a BOM allowed): they are copied into the
   * module as they are, with no JS string of them made (bytes that are not UTF-8: the error not_utf8).
   */
  openRoll(text: string | Uint8Array, options?: RollOptions): OpenRoll;
  /**
   * The roll's results as CSV text (UTF-8, CRLF), exactly as `jxjy roll` writes them, one line per
   * person; headers are the vocabulary's rollResultColumn words in options.locale.
   */
  rollResultsCSV(text: string, options?: RollOptions): string;
  /**
   * Where an error of a roll person's result (its JSON Pointer path, "/training/2/hours") stands in the
   * roll, by the core's one map (the results CSV places its errors by it): the record's row
   * (person.rows[2]), or person.firstRow for a person's field; the vocabulary rollColumn id of the field
   * ('amount'), '' when no column holds it. Throws a TypeError when path is no string or person has no
   * rows and firstRow.
   */
  rollPlace(path: string, person: Pick<RollPerson, 'rows' | 'firstRow'>): RollPlace;
  /** Diagnostics: the size of this checker's wasm memory in bytes. */
  readonly memoryBytes: number;
}

export interface RollOptions {
  /** The language of the messages (and of the profiles' results): 'zh' (default) or 'en'. */
  locale?: 'zh' | 'en';
  /** The clerk's reading of headers: {header as written: rollColumn id, or '' for a column not used}. */
  columns?: Record<string, string>;
  /**
   * Region names the region column may hold: a region list's text ("code name" lines, as
   * web/base/china-regions.txt). Default: the rule sets' regions (codes and their names).
   */
  regions?: string;
  /** YYYY-MM-DD: the day of the check, the checkDate of every profile whose rows give no 核查日期 (RangeError otherwise). */
  checkDate?: string;
}

/** A header cell as the reader took it. */
export interface RollColumn {
  /** 0-based cell of the header row. */
  index: number;
  header: string;
  /** The vocabulary's rollColumn id; '' for a column not used. */
  column: string;
  /** Taken by a part of its words ("培训学时" as 数量): said in notes, the clerk may change it. */
  guessed: boolean;
  /** A unit the header names (hours for "培训学时"): amounts written without one count in it; '' none. */
  unit: string;
}

export interface RollError {
  /** Spreadsheet row: 1 = the header, 0 = the whole file. */
  row: number;
  /** The column's header as written ('' for the whole row or file). */
  column: string;
  /** missing_column, duplicate_column, unknown_column, missing, bad_value, conflicting_value, unterminated_quote, not_utf8, empty, too_long, bad_check_date, … */
  code: string;
  /** Says where and what: "第 3 行「数量」：不是数量：abc". */
  message: string;
  /** The message without its place ("不是数量：abc"), for a view that shows row and column itself. */
  detail: string;
}

export interface RollPerson {
  name: string;
  /** The person's first spreadsheet row. */
  firstRow: number;
  /** The contract's profile (without a locale: add one for results in English); evaluate it only when errors is empty. */
  profile: Profile;
  /** rows[i]: the spreadsheet row of profile.training[i]. */
  rows: number[];
  /** Every row of this person, in order (also rows that hold no record). */
  allRows: number[];
  /** This person's rows that could not be read. */
  errors: RollError[];
  /**
   * same_name: without an ID column (身份证号, 工号, 人员编号) the same name in a separate block of rows is
   * another person, checked on their own; both carry this warning ("第2行与第4行同名，是否同一人？…").
   * route_assumed: the person's 申报途径 cell is empty; their profile says route "review" (职称评审).
   */
  warnings: RollError[];
}

export interface RollPlace {
  /** Spreadsheet row (1 = the header). */
  row: number;
  /** The id of a vocabulary rollColumn ('amount', 'route'), '' when no column holds the field. */
  column: string;
}

export interface Roll {
  /** In the order of their first row. */
  people: RollPerson[];
  /** Problems of the whole file (header, encoding, a row without a name). */
  errors: RollError[];
  /** Said once, not errors: unused_columns, column_guessed, filled_down (names written once), route_assumed, filing_not_given (no 已备案 column: every record is filed: null). */
  notes: RollError[];
  /** The header's row (rows above it are the title); 0 when the file has none. */
  headerRow: number;
  /** The rows above the header, their non-empty cells joined ("2023年专业技术人员继续教育培训花名册"). */
  title: string;
  /** Every non-empty header cell as the reader took it. */
  columns: RollColumn[];
}

/**
 * Loads the wasm module and creates a checker with the built-in rule sets, or with options.rules.
 * Each checker has its own wasm instance; the compiled module is shared.
 */
export function createChecker(options?: CheckerOptions): Promise<Checker>;

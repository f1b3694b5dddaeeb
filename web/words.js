// The contract's enum ids and their zh / en words, in the shape of the project's one vocabulary
// (core/data/vocabulary.json, generated as web/vocabulary.js). Until that module is on main this file
// holds the same words as core/src/names.h, so that the page says what the core's messages say
// (课程学习, 全国性, 门); once it is, this file only re-exports it and the page keeps no copy.
export const VOCABULARY = {
  route: [
    { id: 'review', zh: '职称评审', en: 'title review' },
    { id: 'recognition', zh: '考核认定', en: 'recognition' },
    { id: 'appointment', zh: '岗位聘任', en: 'appointment' },
  ],
  level: [
    { id: 'junior', zh: '初级', en: 'junior' },
    { id: 'intermediate', zh: '中级', en: 'intermediate' },
    { id: 'senior', zh: '高级', en: 'senior' },
  ],
  gender: [{ id: 'male', zh: '男', en: 'male' }, { id: 'female', zh: '女', en: 'female' }],
  education: [
    { id: 'associate', zh: '专科', en: 'associate' },
    { id: 'bachelor', zh: '本科', en: 'bachelor' },
    { id: 'master', zh: '硕士', en: 'master' },
    { id: 'doctorate', zh: '博士', en: 'doctorate' },
  ],
  sector: [
    { id: 'public', zh: '公有制单位', en: 'public sector' },
    { id: 'non_public', zh: '非公有制经济领域', en: 'non-public sector' },
  ],
  subject: [
    { id: 'public', zh: '公需科目', en: 'public' },
    { id: 'professional', zh: '专业科目', en: 'professional' },
    { id: 'total', zh: '合计', en: 'total' },
  ],
  activity: [
    { id: 'course', zh: '课程学习', en: 'course' },
    { id: 'training_class', zh: '进修班/培训班', en: 'training class' },
    { id: 'advanced_seminar', zh: '高级研修班', en: 'advanced seminar' },
    { id: 'conference', zh: '学术会议', en: 'conference' },
    { id: 'degree_study', zh: '学历教育', en: 'degree study' },
    { id: 'study_visit', zh: '国内外进修', en: 'study visit' },
    { id: 'teaching', zh: '授课', en: 'teaching' },
    { id: 'qualification_exam', zh: '资格考试', en: 'qualification exam' },
    { id: 'skill_training', zh: '技能培训', en: 'skill training' },
    { id: 'exam_prep', zh: '考前辅导', en: 'exam preparation' },
    { id: 'new_hire_training', zh: '岗前培训', en: 'induction training' },
    { id: 'fa_xuan_online', zh: '法宣在线', en: 'Fa Xuan Online' },
    { id: 'other', zh: '其他', en: 'other' },
  ],
  unit: [
    { id: 'hours', zh: '学时', en: 'hours' },
    { id: 'minutes', zh: '分钟', en: 'minutes' },
    { id: 'days', zh: '天', en: 'days' },
    { id: 'months', zh: '个月', en: 'months' },
    { id: 'subjects', zh: '门', en: 'subjects' },
  ],
  confLevel: [
    { id: 'international', zh: '国际性', en: 'international' },
    { id: 'national', zh: '全国性', en: 'national' },
    { id: 'provincial', zh: '省（自治区）级', en: 'provincial' },
    { id: 'prefecture', zh: '地州市级', en: 'prefecture' },
  ],
  circumstance: [
    { id: 'epidemic_frontline', zh: '疫情防控一线', en: 'epidemic front line' },
    { id: 'postdoc', zh: '出站博士后', en: 'postdoc' },
    { id: 'transferred_from_government', zh: '党政机关转任', en: 'transferred from government' },
    { id: 'exceptional', zh: '破格申报', en: 'exceptional application' },
    { id: 'high_skill_leader', zh: '高技能领军人才', en: 'high-skill leader' },
    { id: 'village_first_secretary', zh: '驻村第一书记/工作队员', en: 'village first secretary' },
    { id: 'fanghuiju', zh: '“访惠聚”等驻村工作', en: 'fanghuiju stationed work' },
  ],
  series: [
    { id: 'health', zh: '卫生', en: 'health' },
    { id: 'accounting', zh: '会计', en: 'accounting' },
    { id: 'education', zh: '教育', en: 'education' },
    { id: 'other', zh: '其他', en: 'other' },
  ],
};

/** The ids of one kind, in order. */
export const ids = (kind) => VOCABULARY[kind].map((w) => w.id);

/** The word for `id` of `kind` in `lang` ('zh' | 'en'); the id itself when the vocabulary lacks it. */
export function word(kind, id, lang = 'zh') {
  const hit = VOCABULARY[kind] && VOCABULARY[kind].find((w) => w.id === id);
  return hit ? hit[lang === 'en' ? 'en' : 'zh'] : String(id ?? '');
}

/** The id of `kind` whose id, zh or en word is `text` (case-insensitive), or null. */
export function idOf(kind, text) {
  const t = String(text ?? '').trim().toLowerCase();
  const hit = VOCABULARY[kind] && VOCABULARY[kind].find((w) => [w.id, w.zh, w.en].some((s) => s.toLowerCase() === t));
  return hit ? hit.id : null;
}

// The one extra value each circumstance kind takes: [profile key, text key of its label, kind of value].
export const CIRC_EXTRA = {
  epidemic_frontline: ['years', 'circ_years', 'list'],
  transferred_from_government: ['year', 'circ_year', 'int'],
  exceptional: ['yearsInPost', 'circ_yearsInPost', 'int'],
  village_first_secretary: ['fullYears', 'circ_fullYears', 'int'],
};

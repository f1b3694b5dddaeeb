// The contract's spelling of every enum, and the Chinese / English words shown to people.
#pragma once
#include <string_view>

#include "model.h"

namespace jxjy {

// Equal strings, compared in line: member names and enum values are the hot comparisons of reading
// a profile, and in wasm a memcmp call is a byte loop behind a call.
inline bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

struct Name {
  std::string_view id, zh, en;
};

inline constexpr Name kRouteNames[] = {
    {"review", "职称评审", "title review"},
    {"recognition", "考核认定", "recognition"},
    {"appointment", "岗位聘任", "appointment"}};
inline constexpr Name kLevelNames[] = {
    {"junior", "初级", "junior"}, {"intermediate", "中级", "intermediate"}, {"senior", "高级", "senior"}};
inline constexpr Name kGenderNames[] = {{"male", "男", "male"}, {"female", "女", "female"}};
inline constexpr Name kEducationNames[] = {{"associate", "专科", "associate"},
                                           {"bachelor", "本科", "bachelor"},
                                           {"master", "硕士", "master"},
                                           {"doctorate", "博士", "doctorate"}};
inline constexpr Name kSectorNames[] = {{"public", "公有制单位", "public sector"},
                                        {"non_public", "非公有制经济领域", "non-public sector"}};
inline constexpr Name kSubjectNames[] = {
    {"public", "公需科目", "public"}, {"professional", "专业科目", "professional"}, {"total", "合计", "total"}};
inline constexpr Name kActivityNames[] = {
    {"course", "课程学习", "course"},
    {"training_class", "进修班/培训班", "training class"},
    {"advanced_seminar", "高级研修班", "advanced seminar"},
    {"conference", "学术会议", "conference"},
    {"degree_study", "学历教育", "degree study"},
    {"study_visit", "国内外进修", "study visit"},
    {"teaching", "授课", "teaching"},
    {"qualification_exam", "资格考试", "qualification exam"},
    {"skill_training", "技能培训", "skill training"},
    {"exam_prep", "考前辅导", "exam preparation"},
    {"new_hire_training", "岗前培训", "induction training"},
    {"fa_xuan_online", "法宣在线", "Fa Xuan Online"},
    {"other", "其他", "other"}};
inline constexpr Name kUnitNames[] = {{"hours", "学时", "hours"},   {"minutes", "分钟", "minutes"},
                                      {"days", "天", "days"},       {"months", "个月", "months"},
                                      {"subjects", "门", "subjects"}, {"none", "", ""}};
inline constexpr Name kConfLevelNames[] = {{"international", "国际性", "international"},
                                           {"national", "全国性", "national"},
                                           {"provincial", "省（自治区）级", "provincial"},
                                           {"prefecture", "地州市级", "prefecture"}};
inline constexpr Name kCircumstanceNames[] = {
    {"epidemic_frontline", "疫情防控一线", "epidemic front line"},
    {"postdoc", "出站博士后", "postdoc"},
    {"transferred_from_government", "党政机关转任", "transferred from government"},
    {"exceptional", "破格申报", "exceptional application"},
    {"high_skill_leader", "高技能领军人才", "high-skill leader"},
    {"village_first_secretary", "驻村第一书记/工作队员", "village first secretary"},
    {"fanghuiju", "“访惠聚”等驻村工作", "fanghuiju stationed work"}};
inline constexpr Name kEffectNames[] = {
    {"exempt", "", ""},
    {"advisory", "", ""},
    {"replace_requirement", "", ""},
    {"deem_years", "", ""},
    {"waive_circumstance_years", "", ""},
    {"years_since_circumstance", "", ""},
    {"years_in_post", "", ""}};

// Index of `id` in `table`, or -1.
template <size_t N>
int find_name(const Name (&table)[N], std::string_view id) {
  for (size_t i = 0; i < N; ++i)
    if (same(table[i].id, id)) return int(i);
  return -1;
}

template <size_t N>
std::string_view word(const Name (&table)[N], unsigned i, Locale l) {
  return i < N ? (l == Locale::en ? table[i].en : table[i].zh) : std::string_view{};
}

// "a, b, c": the accepted spellings, for error messages.
template <size_t N>
std::string name_list(const Name (&table)[N], size_t limit = N) {
  std::string out;
  for (size_t i = 0; i < N && i < limit; ++i) {
    if (i) out += ", ";
    out += table[i].id;
  }
  return out;
}

}  // namespace jxjy

/** The desk's words: Arabic labels for the record's codes. */
import type { Layer } from "./annotationTree";

export const TYPE_LABEL: Record<string, string> = { PER: "شخص", ORG: "منظمة", LOC: "مكان", MISC: "أخرى" };
export const TYPE_PLURAL: Record<string, string> = { PER: "أشخاص", ORG: "منظمات", LOC: "أماكن", MISC: "أخرى" };

export const LAYER_LABEL: Record<Layer, string> = {
  entity: "الكيانات",
  time: "الأزمنة",
  quote: "الاقتباسات",
  framing: "التأطير",
  event: "الأحداث",
  quantity: "الكميات",
};

export const TIME_TYPE_LABEL: Record<string, string> = { DATE: "تاريخ", TIME: "وقت", DURATION: "مدة", SET: "تكرار" };

const PART: Record<string, string> = {
  year: "السنة",
  month: "الشهر",
  day: "اليوم",
  week: "الأسبوع",
  weekday: "يوم الأسبوع",
  hour: "الساعة",
  minute: "الدقيقة",
  second: "الثانية",
  quarter: "الربع",
  season: "الفصل",
  decade: "العقد",
  century: "القرن",
  timezone: "المنطقة الزمنية",
};
export const partLabel = (p: string) => PART[p] ?? p;

export const QUOTE_KIND_LABEL: Record<string, string> = { direct: "اقتباس مباشر", indirect: "اقتباس غير مباشر", partial: "اقتباس جزئي" };

export const FRAMING_LABEL: Record<string, string> = {
  distancing: "تحفّظ أو تشكيك",
  delegitimizing: "نزع الشرعية",
  label: "وصف موسوم",
  hedge: "تحوّط",
};

export const DCT_ORIGIN_LABEL: Record<string, string> = {
  given: "معطى",
  metadata: "من بيانات الصفحة",
  inferred: "مستنتج من النص",
  none: "غير معروف",
};

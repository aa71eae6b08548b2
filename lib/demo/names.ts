// People's names for the demo community: display names keep their diacritics, handles use the
// ASCII transliteration beside them (users.handle allows only [a-z0-9_-]).
import type { Random } from "./random";

type Name = readonly [display: string, ascii: string];

const FIRST: readonly Name[] = [
  ["Maya", "maya"], ["Liang", "liang"], ["Amara", "amara"], ["José", "jose"], ["Zoë", "zoe"],
  ["Søren", "soren"], ["Priya", "priya"], ["Kwame", "kwame"], ["Ingrid", "ingrid"], ["Tomás", "tomas"],
  ["Aiko", "aiko"], ["Omar", "omar"], ["Léa", "lea"], ["Nikolai", "nikolai"], ["Fatima", "fatima"],
  ["Mateo", "mateo"], ["Chiara", "chiara"], ["Dmitri", "dmitri"], ["Yuki", "yuki"], ["Ana", "ana"],
  ["Björn", "bjorn"], ["Lan", "lan"], ["Emeka", "emeka"], ["Sofía", "sofia"], ["Ravi", "ravi"],
  ["Hana", "hana"], ["Jonas", "jonas"], ["Noor", "noor"], ["Mikael", "mikael"], ["Thandiwe", "thandiwe"],
  ["Chloé", "chloe"], ["Arjun", "arjun"], ["Elif", "elif"], ["Pablo", "pablo"], ["Mei", "mei"],
  ["Kofi", "kofi"], ["Astrid", "astrid"], ["Diego", "diego"], ["Nadia", "nadia"], ["Hugo", "hugo"],
  ["Aroha", "aroha"], ["Ines", "ines"], ["Jakub", "jakub"], ["Leila", "leila"], ["Sven", "sven"],
  ["Wanjiru", "wanjiru"], ["Kai", "kai"], ["Marta", "marta"], ["Oskar", "oskar"], ["Renée", "renee"],
  ["Tariq", "tariq"], ["Valentina", "valentina"], ["Yaw", "yaw"], ["Zainab", "zainab"], ["Émile", "emile"],
  ["Farah", "farah"], ["Giulia", "giulia"], ["Haruto", "haruto"], ["Isabel", "isabel"], ["Joon", "joon"],
  ["Keanu", "keanu"], ["Lucía", "lucia"], ["Malik", "malik"], ["Nora", "nora"], ["Olu", "olu"],
  ["Paulo", "paulo"], ["Quinn", "quinn"], ["Rosa", "rosa"], ["Sana", "sana"], ["Teodor", "teodor"],
  ["Uma", "uma"], ["Viktor", "viktor"], ["Wen", "wen"], ["Ximena", "ximena"], ["Yara", "yara"],
  ["Zeynep", "zeynep"], ["Anh", "anh"], ["Bruno", "bruno"], ["Camille", "camille"], ["Dario", "dario"],
];

const LAST: readonly Name[] = [
  ["Okafor", "okafor"], ["Wei", "wei"], ["Álvarez", "alvarez"], ["Nguyễn", "nguyen"], ["Müller", "muller"],
  ["Kowalski", "kowalski"], ["Haddad", "haddad"], ["Tanaka", "tanaka"], ["Mensah", "mensah"], ["Larsen", "larsen"],
  ["Patel", "patel"], ["Rossi", "rossi"], ["Ivanova", "ivanova"], ["Dubois", "dubois"], ["Santos", "santos"],
  ["Kim", "kim"], ["O'Brien", "obrien"], ["Çelik", "celik"], ["Fernández", "fernandez"], ["Schmidt", "schmidt"],
  ["Abebe", "abebe"], ["Lindqvist", "lindqvist"], ["Moreau", "moreau"], ["Sato", "sato"], ["Mwangi", "mwangi"],
  ["Novak", "novak"], ["Rahman", "rahman"], ["Costa", "costa"], ["Yılmaz", "yilmaz"], ["Byrne", "byrne"],
  ["Chen", "chen"], ["Da Silva", "dasilva"], ["Eriksen", "eriksen"], ["Gómez", "gomez"], ["Horvath", "horvath"],
  ["Iyer", "iyer"], ["Jansen", "jansen"], ["Kuznetsov", "kuznetsov"], ["López", "lopez"], ["Mbeki", "mbeki"],
  ["Nakamura", "nakamura"], ["Osei", "osei"], ["Petrović", "petrovic"], ["Quispe", "quispe"], ["Reyes", "reyes"],
  ["Singh", "singh"], ["Takahashi", "takahashi"], ["Umarov", "umarov"], ["Vasquez", "vasquez"], ["Walsh", "walsh"],
  ["Xu", "xu"], ["Yamamoto", "yamamoto"], ["Zhang", "zhang"], ["Andersson", "andersson"], ["Bianchi", "bianchi"],
  ["Castillo", "castillo"], ["Diallo", "diallo"], ["Ekström", "ekstrom"], ["Fischer", "fischer"], ["Grünewald", "grunewald"],
  ["Hoang", "hoang"], ["Ito", "ito"], ["Jovanović", "jovanovic"], ["Khan", "khan"], ["Lefèvre", "lefevre"],
  ["Moreno", "moreno"], ["Nilsen", "nilsen"], ["Owusu", "owusu"], ["Park", "park"], ["Quinteros", "quinteros"],
  ["Romero", "romero"], ["Sørensen", "sorensen"], ["Traoré", "traore"], ["Urquhart", "urquhart"], ["Varga", "varga"],
  ["Weber", "weber"], ["Yadav", "yadav"], ["Zielinski", "zielinski"], ["Adeyemi", "adeyemi"], ["Bauer", "bauer"],
];

const COMBOS = FIRST.length * LAST.length;
/** odd and not a multiple of 5: coprime to COMBOS (80·80 = 2^8·5^2), so i ↦ i·STRIDE is a bijection */
const STRIDE = 2_711;

export interface Person {
  name: string;
  handle: string;
}

/**
 * The person behind imported identity number `k` (0-based). Unique by construction, without a
 * lookup table: k walks the first×last grid through a bijection, and the k-th lap of the grid
 * gets the lap number as a suffix. Names contain no separator or digit, so no two handles collide.
 */
export function personAt(k: number, offset: number): Person {
  const cell = (((k % COMBOS) * STRIDE + offset) % COMBOS + COMBOS) % COMBOS;
  const lap = Math.floor(k / COMBOS);
  const [firstDisplay, firstAscii] = FIRST[cell % FIRST.length];
  const [lastDisplay, lastAscii] = LAST[Math.floor(cell / FIRST.length)];
  const sep = (cell * 7 + lap) % 3 === 0 ? "_" : "-";
  const handle = `${firstAscii}${sep}${lastAscii}${lap > 0 ? lap + 1 : ""}`;
  return { name: `${firstDisplay} ${lastDisplay}`, handle };
}

/** A per-seed rotation of the grid, so different seeds name people differently. */
export function nameOffset(rng: Random): number {
  return rng.int(COMBOS);
}

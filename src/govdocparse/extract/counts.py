"""Counted goals: things to build or hold, people to staff, events per period, places that do.

Read from a clause that states no rate goal, by the first form that matches:
- a verb, a bound number and the things (至少建成3个儿童友好景区, 每个县至少建设1个儿童友好示范
  社区, 每年开展不少于2次的产品质量监督抽查活动), and the items of a list after it (、10个…);
- the things, then the number (建成儿童友好校园10个以上, 每个乡镇卫生院至少有提供…的全科医生1名,
  …探访巡查每年不少于1次);
- the number, the things, then the verb completing them (到2026年，首批60个县级托育综合服务中心
  全部建成);
- a number of places, then what they do (至少有2所公立医院设置儿科病房, 70%以上的镇（街道）、社区
  建有少儿科普活动场所), or what is done, then the places after 在 (社区嵌入式服务设施在50%的
  城市社区建成): the places that do it are counted, or their share;
- people served, before the service they get (每年至少为100名…残疾儿童免费提供…服务 →
  免费提供…服务的…残疾儿童数);
- events that should not happen at all (安全事件零发生: `zero_words` of grammars/targets.yaml).
The name says what is counted (儿童友好景区数, 产品质量监督抽查活动次数, 设置儿科病房的公立医院数);
the scope the number applies to (每个县（市、区）, 招收5名及以上残疾学生的普校) and its frequency
(每年) are qualifiers of the target atoms. Vocabulary: `count` in grammars/indicators.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex as re

from .. import units
from ..grammar import alternation, load
from ..model import TargetAtom
from .goalwords import CN_NUMBER, Measure, clean, raw_measure, rules, strip_filler
from .targets import parse_target


@dataclass(frozen=True)
class _Patterns:
    before: re.Pattern
    item: re.Pattern
    after: re.Pattern
    after_item: re.Pattern
    verbless: re.Pattern
    completed: re.Pattern
    acts: re.Pattern
    served: re.Pattern
    places: re.Pattern
    places_at: re.Pattern
    place_item: re.Pattern
    frequency: re.Pattern
    actor: re.Pattern
    target: re.Pattern
    not_scope: re.Pattern
    said_before_year: re.Pattern
    leading_year: re.Pattern
    quoted: re.Pattern
    quoted_brand: re.Pattern
    zero: re.Pattern
    part: re.Pattern
    suffixes: tuple[tuple[re.Pattern, str], ...]
    count_suffix: re.Pattern
    increments: frozenset[str]
    counted: re.Pattern
    article: re.Pattern
    rhythm_once: re.Pattern
    rhythm_work: re.Pattern
    scope_end: re.Pattern
    places_end: re.Pattern


@cache
def _patterns() -> _Patterns:
    c = load("indicators")["count"]
    classifiers = alternation(units.spellings("count") + list(c["lesson_units"]))
    number = rf"(?:[0-9０-９]+(?:\s*[-—–~～]\s*[0-9０-９]+)?|{CN_NUMBER})"
    before, after = alternation(c["bound_before"]), alternation(c["bound_after"])
    frequency = c["frequency"]

    def quantity_of(n: str) -> str:
        # a classifier is read whole (atomic): 1500人次以上 is never 1500人 before 次以上
        return (
            rf"(?P<bb>{before})?\s*(?P<each>各)?(?P<n>{n})\s*(?P<cl>(?>{classifiers}))"
            rf"(?P<ba>{after})?"
        )

    quantity = quantity_of(number)
    # after its object a number may be large: 新增学位1.2万个, and so may one a verb counts
    # (培训5万名园长、教师); a 万 before a service's people with no verb before them (为全县2万名
    # 儿童开展…) says whom the service is for, not a goal of its own
    large_quantity = quantity_of(rf"(?:[0-9０-９]+[.．][0-9０-９]+|{number})(?:万|千)?")
    obj, end = c["object"], rf"(?={c['object_end']})"
    people = alternation(c["people_classifiers"])
    people_number = (
        rf"(?:{before})?\s*(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|{CN_NUMBER})\s*(?:万|千)?"
    )
    people_verbs = (
        rf"(?:{alternation(c['people_verbs'])})"
        rf"(?=[^，,。；;:：0-9０-９]{{0,40}}?{people_number}\s*(?:{people}))"
    )
    verbs = "|".join([*(_not_inside(v, c["not_verbs"]) for v in c["verbs"]), people_verbs])
    reach = rf"\s*(?:{rules().adverb})*(?:{alternation(c['reach_verbs'])})\s*"
    share = r"(?P<n>[0-9０-９]+(?:\.[0-9０-９]+)?)\s*(?P<cl>%|％)"
    completed = alternation(c["completed_verbs"])
    done = rf"(?:{completed})(?:并?(?:{completed}))*\s*$"
    place_verbs = rf"(?<!已)(?:{alternation(c['place_verbs'])})(?!的)"
    return _Patterns(
        before=re.compile(
            rf"(?P<pb>{before})?(?P<cverb>{verbs})(?P<freq>{frequency})?{large_quantity}"
            rf"(?!{after})(?P<obj>{obj}){end}"
        ),
        item=re.compile(rf"[、和及]\s*(?P<item>{large_quantity}(?!{after})(?P<obj>{obj})){end}"),
        after=re.compile(
            rf"(?P<pb>{before})?(?P<cverb>{verbs})(?P<obj>{obj})(?P<freq>{frequency})?{large_quantity}"
            rf"(?=[、和及]|\s*$)"
        ),
        after_item=re.compile(
            rf"[、和及]\s*(?P<cverb>{verbs})?(?P<obj>{obj}){large_quantity}(?=[、和及]|\s*$)"
        ),
        verbless=re.compile(
            rf"^(?P<obj>{obj})(?P<reach>{reach})?(?P<freq>{frequency})?{quantity}\s*$"
        ),
        completed=re.compile(
            rf"^(?:{alternation(c['batch_words'])})?{large_quantity}(?P<obj>{obj})"
            rf"\s*(?:{rules().adverb})*{done}"
        ),
        acts=re.compile(
            rf"(?P<pb>{before})?{quantity}(?:对(?P<obj>[^，,。；;]{{2,40}}?)进行(?P<act>[^，,。；;]{{2,20}})"
            rf"|(?P<verb>{alternation(c['act_verbs'])})(?P<what>[^，,。；;、]{{2,30}}))(?:$|、)"
        ),
        served=re.compile(
            rf"(?P<pb>{before})?为\s*(?P<bb>{before})?(?P<n>{number})\s*(?P<cl>{alternation(c['people_classifiers'])})"
            rf"(?P<who>[^，,。；;]{{2,50}}?)(?P<act>(?:{alternation(c['served_verbs'])})"
            rf"[^，,。；;]{{2,40}})$"
        ),
        # a verb that only completes the things before it (至少30个儿童之家建成投用) counts them
        places=re.compile(
            rf"^(?:{c['places_nation']})?(?P<pb>{before})?(?:有)?(?P<q>(?:{share}|{number}\s*(?:{classifiers}))"
            rf"(?:{after})?)的?(?P<subject>[^，,。；;]{{2,40}}?)(?!{done})(?P<verb>{place_verbs})"
            rf"(?P<obj>[^，,。；;]{{2,40}})$"
        ),
        # the thing first, then the places that have it (社区嵌入式服务设施在50%的城市社区建成)
        places_at=re.compile(
            rf"^(?P<obj>[^，,。；;在]{{2,40}}?)\s*(?:{rules().adverb})*(?<!已)在(?P<at>{c['places_nation']})?"
            rf"(?P<pb>{before})?(?P<q>(?:{share}|{number}\s*(?:{classifiers}))(?:{after})?)的?"
            rf"(?P<subject>[^，,。；;]{{2,40}}?)(?P<verb>{place_verbs})\s*$"
        ),
        place_item=re.compile(rf"(?:^|[和、])(?P<q>{share}(?:{after})?)的?"),
        frequency=re.compile(frequency),
        actor=re.compile(c["actor"]),
        target=re.compile(r"^对(?P<what>[^，,。；;对]{2,30})$"),
        not_scope=re.compile(c["not_scope"]),
        said_before_year=re.compile(c["said_before_year"]),
        # a clause's own goal year before its verb (…，2019年底建成母婴室400个) dates the goal,
        # and so does a span of years (2014年至2016年全省新建…), no scope of it
        leading_year=re.compile(
            rf"^(?:[到至]\s*)?(?:{load('indicators')['prose']['goal_year']})前?"
        ),
        quoted=re.compile(c["quoted"]),
        quoted_brand=re.compile(c["quoted_brand"]),
        zero=re.compile(
            rf"^(?P<obj>{c['object']})(?P<zero>{alternation(load('targets')['zero_words'])})$"
        ),
        # a count's part after 其中: its words, then its number (其中公办园15所, 其中：公办托位
        # 不少于1200个, 其中农村儿童之家达到200个)
        part=re.compile(
            rf"^(?P<part>[^，,。；;、0-9０-９]{{1,{c['part_chars']}}}?)(?:{reach})?(?P<q>{quantity})\s*$"
        ),
        suffixes=tuple(
            (re.compile(rf"^(?:{k})$"), v) for k, v in c["name_suffix_by_classifier"].items()
        ),
        count_suffix=re.compile(c["name_suffix"]),
        increments=frozenset(c["increment_verbs"]),
        # what no count is written without: a digit, a Chinese numeral before its classifier
        # (两名, 三个), or a zero word (零发生)
        counted=re.compile(
            rf"[0-9０-９]|{CN_NUMBER}\s*(?:{classifiers})"
            rf"|{alternation(load('targets')['zero_words'])}"
        ),
        # 打造一支…队伍: 一 as an article, not a number
        article=re.compile(rf"一(?:{alternation(c['article_classifiers'])})"),
        # 每年开展一次监测: how often the plan's work is done, no goal
        rhythm_once=re.compile(c["rhythm_once"]),
        rhythm_work=re.compile(c["rhythm_work"]),
        scope_end=re.compile(rf"(?:{rules().adverb}|{alternation(c['scope_end_words'])})+$"),
        places_end=re.compile(rf"(?:{rules().adverb})+$"),
    )


def count_needs() -> re.Pattern:
    """What no counted goal is written without: a digit, a Chinese numeral before its classifier
    or a zero word."""
    return _patterns().counted


def _not_inside(verb: str, words: list[str]) -> str:
    """A count verb, not where it ends a longer word (有 in 拥有)."""
    heads = [w[: -len(verb)] for w in words if w.endswith(verb) and w != verb]
    escaped = re.escape(verb)
    return rf"(?<!{alternation(heads)}){escaped}" if heads else escaped


def count_measures(clause: str, dated: bool = False) -> list[tuple[int, Measure]]:
    """(position, measure) of the counted goals of a clause. `dated`: the sentence names the
    year of its goals, so a number after its object needs no bound (到2025年，建设儿童友好
    社区500个)."""
    p = _patterns()
    if p.quoted.search(p.quoted_brand.sub("", clause)) or not p.counted.search(clause):
        return []
    text = clause.strip()
    body = strip_filler(raw_measure(text), lambda rest: len(rest) >= 2)
    places = _places(body)
    if places:
        return places
    m = p.zero.match(body)
    if m:
        counted = m.group("obj") + load("targets")["zero_words"][m.group("zero")]
        none = _measure(counted, "", body, m.group("zero"), [])
        if none is None:
            return []
        none.name_raw = m.group("obj")
        return [(text.find(body), none)]
    m = p.before.search(text)
    if m:
        scope = text[: m.start()]
        shared = m.group("pb") or ""
        found = [(m.start(), _count(text[: m.end()], m, scope))]
        end = m.end()
        while item := p.item.match(text, end):
            bound = "" if item.group("bb") or item.group("ba") else shared
            verb = m.group("cverb")
            found.append((item.start(), _count(item.group("item"), item, scope, bound, verb)))
            end = item.end()
        return [(pos, x) for pos, x in found if x]
    m = p.after.search(text)
    if m and (m.group("pb") or "的" not in m.group("obj")):
        found_after = _after(text, m, dated)
        if found_after:
            return found_after
    m = p.acts.search(text)
    if m and m.group("cl") in ("次", "场", "场次"):
        name = (
            m.group("obj") + m.group("act") if m.group("obj") else m.group("what") + m.group("verb")
        )
        quantity = "".join(m.groupdict().get(g) or "" for g in ("pb", "bb", "n", "cl", "ba"))
        acts = _measure(name, m.group("cl"), text, quantity, _qualifiers(text[: m.start()], None))
        return [(m.start(), acts)] if acts else []
    m = p.served.search(text)
    if m:
        served = _served(text, m)
        return [(m.start(), served)] if served else []
    m = p.verbless.match(body)
    if m and (_bound(m) or m.group("reach")):
        found_verbless = _verbless(body, m)
        return [(0, found_verbless)] if found_verbless else []
    m = p.completed.match(body)
    if m and (dated or _bound(m)):
        completed = _count(body, m, "")
        return [(text.find(body), completed)] if completed else []
    return []


def count_part(text: str) -> tuple[str, str] | None:
    """(part, quantity) of the clause after a count's 其中, without it: the part's words and its
    number (公办园15所 → 公办园, 15所); None when the clause is not only these."""
    m = _patterns().part.match(text.strip())
    return (m.group("part"), m.group("q")) if m else None


def _after(text: str, m: re.Match, dated: bool) -> list[tuple[int, Measure]]:
    """Objects before their numbers, one or a list sharing the verb (建成儿童友好社区300个、
    儿童友好学校200所), the list ending the clause; each number bound unless `dated`."""
    p = _patterns()
    shared = m.group("pb") or ""
    items, end = [m], m.end()
    while item := p.after_item.match(text, end):
        items.append(item)
        end = item.end()
    if text[end:].strip() or not (dated or shared or all(_bound(i) for i in items)):
        return []
    scope = text[: m.start()]
    verb = m.group("cverb")
    found = [(m.start(), _count(text[: m.end()], m, scope))]
    found += [(i.start(), _count(i.group(0)[1:], i, scope, shared, verb)) for i in items[1:]]
    return [(pos, x) for pos, x in found if x]


def _bound(m: re.Match) -> bool:
    return any(m.groupdict().get(g) for g in ("pb", "bb", "ba"))


def _count(
    phrase: str, m: re.Match, scope: str, bound: str = "", shared_verb: str | None = None
) -> Measure | None:
    """The measure of a count: the object as written (开展不少于2次的抽查活动 → 抽查活动), named
    by what its classifier counts; `scope` is the clause before the verb. What the clause is
    done to (对社区儿童游乐设施…每年至少开展1次检测与维护) belongs to the name. An item of a list
    without a verb of its own takes `shared_verb`, the list's, and `bound`, the bound the list
    opens with (至少建成A3个、B2个); a match's own bound (`pb`) is read from it once."""
    name_raw = m.group("obj").strip().removeprefix("的")
    verb = m.groupdict().get("cverb") or shared_verb
    if verb in _patterns().increments:
        # 新增学位1.2万个 counts new places: 新增学位数; so does each item of 新增幼儿园学位
        # 1500个、普通高中学位600个 (新增普通高中学位数)
        name_raw = verb + name_raw
    target = _patterns().target.match(_patterns().frequency.sub("", scope))
    if target:
        name_raw = target.group("what") + name_raw
        scope = scope.replace(target.group(0), "", 1)
    quantity = bound + "".join(m.groupdict().get(g) or "" for g in ("pb", "bb", "n", "cl", "ba"))
    qualifiers = _qualifiers(scope, m.groupdict().get("freq"))
    return _measure(name_raw, m.group("cl"), raw_measure(phrase), quantity, qualifiers)


def _served(text: str, m: re.Match) -> Measure | None:
    """People served, named by the service as written (its list of examples kept: the service
    says what is counted) and whom: 免费提供手术、辅助器具和康复训练等服务的…残疾儿童数."""
    name = f"{m.group('act')}的{m.group('who')}数"
    quantity = "".join(m.groupdict().get(g) or "" for g in ("pb", "bb", "n", "cl"))
    qualifiers = _qualifiers(text[: m.start()], None)
    atoms = [_qualified(a, qualifiers) for a in parse_target(quantity)]
    if not atoms or any(a.value is None for a in atoms):
        return None
    return Measure(m.group("who"), name, text, atoms, kind="count")


def _verbless(body: str, m: re.Match) -> Measure | None:
    """The things before their number, without a verb: the actor before 对 and the scope before
    a frequency are not what is counted (区民政局对…家庭探访巡查每年不少于1次; 街道每半年家庭
    探访…)."""
    p = _patterns()
    obj = m.group("obj")
    scope = ""
    freq = p.frequency.search(obj)
    if freq and freq.end() < len(obj):
        scope, obj = obj[: freq.start()], obj[freq.end() :]
        frequency = freq.group(0)
    else:
        frequency = m.group("freq")
    actor = p.actor.match(obj)
    if actor:
        scope, obj = scope + actor.group(0)[:-1], obj[actor.end() :]
    quantity = "".join(m.groupdict().get(g) or "" for g in ("bb", "n", "cl", "ba"))
    return _measure(obj, m.group("cl"), body, quantity, _qualifiers(scope, frequency))


def _measure(
    name_raw: str, classifier: str, target: str, quantity: str, qualifiers: list[str]
) -> Measure | None:
    p = _patterns()
    name = clean(name_raw, lambda rest: len(rest) >= 2)
    if len(name) < 2:
        return None
    if p.rhythm_once.match(quantity) and p.rhythm_work.match(name):
        return None  # 每两年开展一次评估: a rhythm of work, not an indicator
    if not p.count_suffix.search(name):
        name += next((suffix for k, suffix in p.suffixes if k.match(classifier)), "数")
    if p.article.fullmatch(quantity):
        return None
    atoms = [_qualified(a, qualifiers) for a in parse_target(quantity)]
    if not atoms or any(a.value is None for a in atoms):
        return None
    return Measure(name_raw, name, target, atoms, kind="count")


def _qualifiers(scope: str, frequency: str | None) -> list[str]:
    """The scope before the verb (每个县（市、区）) and the frequency (每年), each once."""
    p = _patterns()
    out = []
    if frequency:
        out.append(frequency)
    for freq in p.frequency.finditer(scope):
        out.append(freq.group(0))
    r = rules()
    rest = raw_measure(p.frequency.sub("", scope))
    while True:
        before = rest
        rest = p.said_before_year.sub("", rest)
        rest = p.leading_year.sub("", r.whole_area.sub("", r.filler.sub("", rest)))
        rest = rest.strip("，,、 ")
        if rest == before:
            break
    rest = p.scope_end.sub("", rest)
    if len(rest) >= 2 and not p.not_scope.match(rest):
        out.insert(0, rest)
    return list(dict.fromkeys(out))


def _qualified(atom: TargetAtom, qualifiers: list[str]) -> TargetAtom:
    extra = [q for q in qualifiers if q not in atom.qualifier]
    return atom.model_copy(update={"qualifier": atom.qualifier + extra}) if extra else atom


def _places(body: str) -> list[tuple[int, Measure]]:
    """Places counted by what they do: (number or share) (places) (verb) (what): 至少有2所公立
    医院设置儿科病房 → 设置儿科病房的公立医院数; 95%的城市社区和85%的农村社区(村)建立家长学校…
    → 建立家长学校…的城市社区比例, …的农村社区(村)比例; or what is done first, the places after
    在: 社区嵌入式服务设施在50%的城市社区建成 → 建成社区嵌入式服务设施的城市社区比例."""
    p = _patterns()
    m = p.places.match(body) or p.places_at.match(body)
    if not m:
        return []
    obj, head_start = m.group("obj"), 0
    if m.re is p.places_at:
        # the thing before 在 may open with the plan's year or area (2027年全市…在50%的…建成);
        # the places follow 在 (and the nation after it)
        obj = p.leading_year.sub("", rules().whole_area.sub("", obj)).strip()
        head_start = m.start("pb") if m.group("pb") else m.start("q")
    predicate = m.group("verb") + obj
    head = body[head_start : m.start("verb")]
    shares = list(p.place_item.finditer(head))
    if len(shares) > 1:
        pieces = [
            (head_start + a.start("q"), a.group("q"), head[a.end() : b.start() if b else len(head)])
            for a, b in zip(shares, [*shares[1:], None], strict=True)
        ]
    else:
        pieces = [(m.start("q"), (m.group("pb") or "") + m.group("q"), m.group("subject"))]
    out = []
    for position, quantity, places in pieces:
        share = "%" in quantity or "％" in quantity
        places = p.places_end.sub("", places)
        if not share:
            places = places.split("和", 1)[0].split("及", 1)[0]
        if len(places) >= 2:
            name = f"{predicate}的{places}{'比例' if share else '数'}"
            atoms = parse_target(quantity)
            out.append((position, Measure(body, name, body, atoms, kind="count")))
    return out

#!/usr/bin/env python3
"""Writes a synthetic tabib site for benchmarks: N Indonesian articles (600-1,200 words with headings,
lists, tables, emphasis, callouts and links by id, some to a heading of the target), half of them
translated to English, about N/20 causes and N/50 conditions in both languages whose aliases appear
in the article text, and the disclaimer in both languages. The same seed writes the same site.

    python3 Benchmarks/make-corpus.py --articles 1000 --out /tmp/tabib-1000 [--seed 7]

The site uses the repository's own templates/ (copied) and a site.yaml like content/site.yaml; it
passes `tabib check` without errors (warnings such as overdue reviews are expected).
"""

import argparse
import datetime
import os
import random
import re
import shutil
import struct
import sys
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ID_WORDS = """yang dan di dengan untuk pada dari ini itu dalam tidak akan dapat juga atau karena jika
saat oleh lebih sangat sering biasanya kadang beberapa banyak setiap seperti tubuh otot kaki tangan betis
paha lengan punggung saraf darah jantung ginjal hati kulit tulang sendi nyeri rasa sakit lelah lemah kuat
minum makan tidur berjalan berlari berolahraga istirahat duduk berdiri malam pagi hari minggu bulan dokter
pasien perawatan pengobatan obat gejala tanda kondisi penyakit risiko faktor kadar cairan garam air hangat
dingin panas suhu gerakan latihan peregangan pemijatan kompres keluhan pemeriksaan hasil anjuran kebiasaan
pola hidup sehat seimbang teratur ringan berat kronis akut umum jarang penting perlu harus bisa mungkin
membantu mengurangi meningkatkan mencegah menyebabkan memicu meredakan mengatasi memeriksa menjaga
terjadi muncul hilang berlangsung beberapa detik menit jam orang dewasa anak lansia wanita pria hamil""".split()

EN_WORDS = """the and in with for on from this that within not will can also or because if when by more
very often usually sometimes several many every such as body muscle leg hand calf thigh arm back nerve blood
heart kidney liver skin bone joint pain feeling ache tired weak strong drink eat sleep walk run exercise rest
sit stand night morning day week month doctor patient care treatment medicine symptom sign condition disease
risk factor level fluid salt water warm cold heat temperature movement training stretching massage compress
complaint examination result advice habit pattern life healthy balanced regular mild severe chronic acute
common rare important need must may help reduce increase prevent cause trigger relieve manage check keep
happen appear disappear last few seconds minutes hours people adults children elderly women men pregnant""".split()

ID_HEADINGS = ["Apa Itu {t}?", "Penyebab {t}", "Gejala yang Perlu Diwaspadai", "Cara Mencegah {t}",
               "Pengobatan di Rumah", "Kapan Harus ke Dokter?", "Faktor Risiko", "Diagnosis dan Pemeriksaan",
               "Perawatan Medis untuk {t}", "Tips Sehari-hari", "Pola Makan dan Minum", "Olahraga yang Aman"]
EN_HEADINGS = ["What Is {t}?", "Causes of {t}", "Symptoms to Watch For", "How to Prevent {t}",
               "Home Treatment", "When to See a Doctor?", "Risk Factors", "Diagnosis and Tests",
               "Medical Treatment for {t}", "Everyday Tips", "Food and Drink", "Safe Exercise"]

ID_PREFIXES = ["sindrom", "penyakit", "gangguan", "radang", "kekurangan", "obat", "cedera", "infeksi"]
EN_PREFIXES = ["syndrome", "disease", "disorder", "inflammation", "deficiency", "drug", "injury", "infection"]
KINDS = ["disease", "symptom", "lifestyle", "medication", "physiological-state", "injury", "nutrition", "environment"]

CONSONANTS = "bcdfghjklmnprstwy"
VOWELS = "aeiou"


class Names:
    """Unique pseudo-words (`kelora`, `bitamun`) that never clash with the vocabulary."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set(ID_WORDS) | set(EN_WORDS) | set(ID_PREFIXES) | set(EN_PREFIXES)

    def word(self):
        while True:
            syllables = self.rng.randint(2, 4)
            w = "".join(self.rng.choice(CONSONANTS) + self.rng.choice(VOWELS) for _ in range(syllables))
            if self.rng.random() < 0.4:
                w += self.rng.choice("nrsl")
            if w not in self.used:
                self.used.add(w)
                return w


def slug(text):
    """The anchor tabib gives a heading (Markdown/Anchor.swift): lowercase, non-alphanumeric runs -> '-'."""
    out, pending = [], False
    for ch in text.lower():
        if ch.isalnum():
            if pending and out:
                out.append("-")
            pending = False
            out.append(ch)
        else:
            pending = True
    return "".join(out) or "bagian"


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def day(rng, start, end):
    span = (end - start).days
    return start + datetime.timedelta(days=rng.randint(0, span))


class Entity:
    def __init__(self, kind, eid, id_name, en_name, id_aliases, en_aliases, entity_kind):
        self.kind, self.id = kind, eid
        self.id_name, self.en_name = id_name, en_name
        self.aliases = {"id": id_aliases, "en": en_aliases}
        self.entity_kind = entity_kind


def make_entities(rng, names, count, kind):
    result = []
    for n in range(count):
        core = names.word()
        p = rng.randrange(len(ID_PREFIXES))
        id_name = f"{ID_PREFIXES[p]} {core}"
        en_name = f"{core} {EN_PREFIXES[p]}" if p in (4,) else f"{EN_PREFIXES[p]} {core}"
        extra = names.word()
        id_aliases = [id_name, f"{core} {extra}"]
        en_aliases = [en_name, f"{core} {extra}"]
        eid = f"{core}-{n:04d}" if kind == "cause" else f"{core}-k{n:04d}"
        result.append(Entity(kind, eid, id_name, en_name, id_aliases, en_aliases, rng.choice(KINDS)))
    return result


class Article:
    def __init__(self, index, aid, topic, headings, translated):
        self.index, self.id, self.topic = index, aid, topic
        self.headings = headings              # {"id": [...], "en": [...]}
        self.translated = translated


def sentence(rng, words, mention=None, emphasis=True):
    n = rng.randint(8, 16)
    picked = [rng.choice(words) for _ in range(n)]
    if mention:
        picked.insert(rng.randint(0, len(picked)), mention)
    if emphasis and rng.random() < 0.12:
        i = rng.randrange(len(picked))
        picked[i] = f"*{picked[i]}*" if rng.random() < 0.6 else f"**{picked[i]}**"
    text = " ".join(picked)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, words, mentions, count=None):
    count = count or rng.randint(3, 5)
    return " ".join(sentence(rng, words, mentions.pop() if mentions and rng.random() < 0.5 else None)
                    for _ in range(count))


def link_to(rng, target, language, label):
    """A link by id, sometimes to one heading of the target in the language the link resolves to."""
    resolved = language if (language == "id" or target.translated) else "id"
    if rng.random() < 0.4:
        heading = rng.choice(target.headings[resolved])
        return f"[{label}](@/articles/{target.id}.md#{slug(heading)})"
    return f"[{label}](@/articles/{target.id}.md)"


def body(rng, article, language, articles, conditions, causes, cited, topic_name):
    words = ID_WORDS if language == "id" else EN_WORDS
    mentions = [rng.choice(e.aliases[language]) for e in cited] + \
               [rng.choice(rng.choice(causes).aliases[language]) for _ in range(3)]
    rng.shuffle(mentions)
    see = {"id": "Baca juga", "en": "See also"}[language]
    out = [paragraph(rng, words, mentions, 4), paragraph(rng, words, mentions, 3)]
    targets = rng.sample(articles, min(len(articles), rng.randint(3, 6)))
    targets = [t for t in targets if t is not article]
    for h, heading in enumerate(article.headings[language]):
        out.append(f"## {heading}")
        out.append(paragraph(rng, words, mentions))
        shape = (article.index + h) % 5
        if shape == 0:
            out.append("\n".join(f"- {sentence(rng, words, emphasis=False)}" for _ in range(rng.randint(3, 6))))
        elif shape == 1:
            out.append("\n".join(f"{i + 1}. {sentence(rng, words)}" for i in range(rng.randint(3, 5))))
        elif shape == 2 and h % 2 == 0:
            head = ("Gejala", "Penyebab", "Tindakan") if language == "id" else ("Symptom", "Cause", "Action")
            rows = [f"| {head[0]} | {head[1]} | {head[2]} |", "| --- | --- | --- |"]
            for _ in range(rng.randint(3, 5)):
                rows.append("| " + " | ".join(" ".join(rng.choice(words) for _ in range(rng.randint(1, 4))) for _ in range(3)) + " |")
            out.append("\n".join(rows))
        elif shape == 3:
            kind = "SEE-DOCTOR" if h % 2 else "EMERGENCY"
            out.append(f"> [!{kind}]\n> {sentence(rng, words, emphasis=False)}")
        out.append(paragraph(rng, words, mentions))
        if targets and rng.random() < 0.7:
            target = targets.pop()
            label = " ".join(rng.choice(words) for _ in range(rng.randint(2, 4)))
            out.append(f"{see}: {link_to(rng, target, language, label)}. {sentence(rng, words)}")
    while targets:
        target = targets.pop()
        out.append(f"{see}: {link_to(rng, target, language, topic_name)}.")
    disclaimer = {"id": "*Informasi ini tidak menggantikan nasihat dokter. Baca [penafian medis](@/pages/disclaimer.md) kami.*",
                  "en": "*This information does not replace a doctor's advice. Read our [medical disclaimer](@/pages/disclaimer.md).*"}
    out.append(disclaimer[language])
    return "\n\n".join(out) + "\n"


def png(width, height, rng):
    """A PNG of stripes and a gradient, different for each rng: made with zlib alone, no imaging library."""
    # One row of pixels, shifted for each row: cheap in Python, and not trivially compressible.
    a, b, c = rng.randint(1, 7), rng.randint(1, 5), rng.randint(0, 255)
    base = bytes(v for x in range(width * 2) for v in ((x * a) & 255, (x * b + c) & 255, (x // 8 * 37 + c) & 255))
    raw = bytearray()
    for y in range(height):
        start = (y * 3 * rng.randint(1, 2)) % (width * 3)
        raw += b"\x00" + base[start:start + width * 3]
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 1)) + chunk(b"IEND", b"")


def with_figure(text, article, language):
    """The body with a figure of the article's image after its first paragraph."""
    alt = {"id": f"Gambar sintetis untuk artikel {article.id}", "en": f"Synthetic picture for article {article.id}"}[language]
    caption = {"id": "Gambar uji yang dibuat oleh skrip tolok ukur.", "en": "A test picture made by the benchmark script."}[language]
    first, rest = text.split("\n\n", 1)
    return f"{first}\n\n![{alt}]({article.id}.png \"{caption}\")\n\n{rest}"


def front_matter(lines):
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description="Write a synthetic tabib site for benchmarks.")
    parser.add_argument("--articles", type=int, default=1000, help="number of Indonesian articles (N)")
    parser.add_argument("--out", required=True, help="the site folder to write (replaced if it holds a corpus)")
    parser.add_argument("--seed", type=int, default=7, help="random seed; the same seed writes the same site")
    parser.add_argument("--search", action="store_true",
                        help="keep site.yaml's 'search: true' (Pagefind indexes every build); without it the corpus has search off")
    parser.add_argument("--images", action="store_true",
                        help="one PNG per article (800 to 1,600 px wide) in content/images/, shown as a figure in every language")
    args = parser.parse_args()
    n = args.articles
    if n < 2:
        sys.exit("--articles must be at least 2")
    out = os.path.abspath(args.out)
    if os.path.exists(out):
        if not os.path.exists(os.path.join(out, ".tabib-corpus")):
            sys.exit(f"{out} exists and is not a corpus written by this script; choose another --out")
        shutil.rmtree(out)
    os.makedirs(out)
    write(os.path.join(out, ".tabib-corpus"), f"articles={n} seed={args.seed}{' images=1' if args.images else ''}{' search=1' if args.search else ''}\n")
    shutil.copytree(os.path.join(REPO, "templates"), os.path.join(out, "templates"))
    os.makedirs(os.path.join(out, "content"), exist_ok=True)
    with open(os.path.join(REPO, "content", "site.yaml"), encoding="utf-8") as f:
        settings = f.read()
    if not args.search:
        settings = re.sub(r"(?m)^search: .*$", "search: false", settings)
    write(os.path.join(out, "content", "site.yaml"), settings)

    rng = random.Random(args.seed)
    names = Names(rng)
    causes = make_entities(rng, names, max(2, n // 20), "cause")
    conditions = make_entities(rng, names, max(1, n // 50), "condition")
    entities = causes + conditions

    # Plan every article first so that links can name a real heading of their target.
    articles = []
    for i in range(n):
        topic = names.word()
        k = rng.randint(4, 7)
        picks = rng.sample(range(len(ID_HEADINGS)), k)
        t_id, t_en = f"Kram {topic.capitalize()}", f"{topic.capitalize()} Cramps"
        headings = {"id": [ID_HEADINGS[p].format(t=t_id) for p in picks],
                    "en": [EN_HEADINGS[p].format(t=t_en) for p in picks]}
        articles.append(Article(i, f"{topic}-{i:05d}", topic, headings, translated=(i % 2 == 0)))

    start, end = datetime.date(2024, 1, 1), datetime.date(2026, 10, 31)
    root = os.path.join(out, "content")
    words_written = 0
    for a in articles:
        chosen_conditions = rng.sample(conditions, min(len(conditions), rng.randint(1, 2)))
        chosen_causes = rng.sample(causes, min(len(causes), rng.randint(3, 6)))
        cause_lines = []
        for c in chosen_causes:
            if len(chosen_conditions) > 1 and rng.random() < 0.3:
                cause_lines.append(f"  - {c.id}: [{chosen_conditions[0].id}]")
            else:
                cause_lines.append(f"  - {c.id}")
        published = day(rng, start, end)
        reviewed = day(rng, published, datetime.date(2026, 11, 20))
        sources = [f"  - title: {quoted('Pedoman klinis ' + names.word().capitalize() + ' ' + str(published.year))}\n"
                   f"    url: https://pustaka.example.org/{a.id}/{s}" for s in range(rng.randint(1, 3))]
        reviewer = f"clinicalReview: {{name: dr. {names.word().capitalize()}, credential: Sp.N, date: {reviewed.isoformat()}}}"
        cited = chosen_conditions + chosen_causes
        for language in (["id", "en"] if a.translated else ["id"]):
            topic_name = f"Kram {a.topic.capitalize()}" if language == "id" else f"{a.topic.capitalize()} Cramps"
            summary = sentence(rng, ID_WORDS if language == "id" else EN_WORDS, emphasis=False)
            lines = [f"title: {quoted(topic_name)}", f"summary: {quoted(summary)}",
                     f"date: {published.isoformat()}", f"reviewed: {reviewed.isoformat()}", reviewer,
                     f"conditions: [{', '.join(c.id for c in chosen_conditions)}]", "causes:", *cause_lines,
                     "sources:", *sources]
            if language == "en":
                lines.append(f"slug: {a.topic}-cramps-{a.index:05d}")
                lines.append(f"translation: {{from: id, reviewed: {'true' if a.index % 4 == 0 else 'false'}, date: {reviewed.isoformat()}}}")
            if a.index % 3 == 0:
                points = [sentence(rng, ID_WORDS if language == "id" else EN_WORDS, emphasis=False) for _ in range(3)]
                lines += ["handout:", "  keyPoints:"] + [f"    - {quoted(p)}" for p in points]
            text = body(rng, a, language, articles, conditions, causes, cited, topic_name)
            if args.images:
                text = with_figure(text, a, language)
            words_written += len(text.split())
            write(os.path.join(root, language, "articles", f"{a.id}.md"), front_matter(lines) + text)

    if args.images:
        images = os.path.join(root, "images")
        os.makedirs(images, exist_ok=True)
        for a in articles:
            # Its own random source: the text is the same with and without images.
            image_rng = random.Random(args.seed * 100003 + a.index)
            width = image_rng.randint(800, 1600)
            with open(os.path.join(images, f"{a.id}.png"), "wb") as f:
                f.write(png(width, width * image_rng.randint(5, 8) // 10, image_rng))
            write(os.path.join(images, f"{a.id}.png.yaml"),
                  "credit: \"Gambar: skrip tolok ukur tabib\"\nlicense: CC0 1.0\n")

    for e in entities:
        folder = "causes" if e.kind == "cause" else "conditions"
        for language in ("id", "en"):
            name = e.id_name if language == "id" else e.en_name
            words = ID_WORDS if language == "id" else EN_WORDS
            lines = [f"title: {quoted(name.capitalize())}", f"summary: {quoted(sentence(rng, words, emphasis=False))}",
                     "aliases:", *[f"  - {quoted(alias)}" for alias in e.aliases[language]], f"kind: {e.entity_kind}"]
            if language == "en":
                lines.append(f"translation: {{from: id, reviewed: false, date: 2026-11-01}}")
            text = " ".join(sentence(rng, words) for _ in range(rng.randint(3, 6))) + "\n"
            write(os.path.join(root, language, folder, f"{e.id}.md"), front_matter(lines) + text)

    write(os.path.join(root, "id", "pages", "disclaimer.md"), front_matter([
        "slug: penafian", "title: Penafian Medis",
        "summary: Informasi di situs ini semata-mata untuk mendidik pembaca.", "date: 2026-11-01"]) +
        "Informasi yang diberikan dalam artikel-artikel di situs ini semata-mata untuk mendidik pembaca. "
        "Informasi ini tidak dimaksudkan untuk menggantikan nasihat seorang ahli medis.\n\n"
        "Dalam keadaan darurat, segera hubungi nomor darurat.\n")
    write(os.path.join(root, "en", "pages", "disclaimer.md"), front_matter([
        "slug: medical-disclaimer", "title: Medical Disclaimer",
        "summary: The information on this site is for educating readers only.", "date: 2026-11-01",
        "translation: {from: id, reviewed: true, date: 2026-11-01}"]) +
        "The information given in the articles on this site is for educating readers only. "
        "It is not intended to replace the advice of a medical professional.\n\n"
        "In an emergency, call the emergency number at once.\n")

    translated = sum(1 for a in articles if a.translated)
    print(f"Wrote {out}: {n} + {translated} articles ({words_written // (n + translated)} words on average), "
          f"{len(causes)} causes and {len(conditions)} conditions in 2 languages, seed {args.seed}.")


if __name__ == "__main__":
    main()

// Demo content seeded on first start against an empty database.
// Every article here is plainly sample text shipped with the platform:
// no news, no real people, no real outlets. The real seed article by
// Owen (published 2021-08-03) is defined elsewhere.

export type DemoArticle = {
  slug: string; // lowercase-kebab, unique, ascii
  title: string;
  excerpt: string; // one or two sentences, plain text
  body: string; // Markdown
  authorSlug: "owen" | "mina-demo" | "daniel-demo";
  publicationSlug: string | null; // "kohoku-shimbun-demo" or null
  tagSlugs: string[]; // from: "demo", "reading", "translation", "writing", "platform", "moderation", "typography"
  publishedAt: string; // ISO 8601 UTC, e.g. "2021-07-20T09:00:00Z"
  originalTitle?: string; // only on 2 of the articles: a clearly fictional Japanese title
  originalUrl?: string; // with originalTitle: a URL on https://kohoku-shimbun.example/
  originalLanguage?: string; // "ja" when originalTitle given
};

export const demoArticles: DemoArticle[] = [
  // ---------------------------------------------------------------------------
  // Owen: 14 demo articles, all dated before the seed article (2021-08-03).
  // ---------------------------------------------------------------------------
  {
    slug: "welcome-to-the-demo-platform",
    title: "Demo: Welcome to the Platform",
    excerpt:
      "Demo article: a short tour of this sample publishing platform and what the demo content is for.",
    body: `This is sample content shipped with the platform. It exists so that a fresh installation has something to show, and you can safely delete it once real articles arrive.

## What you are looking at

The demo site contains a handful of authors, one fictional publication and a set of tags. Every article you see here, apart from the single seed article, is *placeholder text* written to exercise the layout: headings, lists, quotes, tables and footnotes.

Here is what you can try right away:

- Open an author page to see their articles listed newest first.
- Click a tag to filter articles by topic.
- Visit the fictional publication page to see how grouped articles look.

> "I clicked around for five minutes and understood the whole site."
> — a demo reader

If you want to learn more about the ideas behind the project, a placeholder link such as [example.com](https://example.com) stands in for real documentation. Nothing on this page refers to real events or real people.`,
    authorSlug: "owen",
    publicationSlug: null,
    tagSlugs: ["demo", "platform"],
    publishedAt: "2021-03-04T09:00:00Z",
  },
  {
    slug: "how-to-publish-your-first-article",
    title: "Demo: How to Publish Your First Article",
    excerpt:
      "Demo article: a walkthrough of writing, previewing and publishing an article on this platform.",
    body: `This is sample content shipped with the platform. It walks through the steps of publishing an article, using made-up examples throughout.

## Writing in Markdown

Articles are written in Markdown. You do not need to learn all of it: paragraphs, *emphasis*, headings and lists cover most needs. A minimal article might look like this:

\`\`\`markdown
## A short heading

A first paragraph with some *emphasis*.

- A bullet point
- Another bullet point
\`\`\`

## From draft to published

1. Create a new draft and give it a title.
2. Write the body and a one-sentence excerpt.
3. Add one or two tags so readers can find it.
4. Preview the article and check the headings.
5. Press publish.

The excerpt matters more than it seems. It appears on listing pages and in link previews, so a clear sentence helps readers decide whether to open the article.

Once published, an article can still be edited. Changes appear immediately, and the original publication date is kept, so readers see a stable timeline.`,
    authorSlug: "owen",
    publicationSlug: null,
    tagSlugs: ["demo", "platform", "writing"],
    publishedAt: "2021-03-18T09:00:00Z",
  },
  {
    slug: "notes-on-reading-long-translated-articles",
    title: "Demo: Notes on Reading Long Translated Articles",
    excerpt:
      "Demo article: sample advice on reading long translated pieces without losing the thread.",
    body: `This is sample content shipped with the platform. It is presented as a translation from the fictional Kohoku Shimbun (demo) so that the original-title fields have something to display.

Long translated articles ask a little more of the reader. Sentence rhythm changes between languages, and a translator often has to choose between a literal rendering and a natural one. Knowing this makes the reading smoother.

## A few habits that help

- Skim the headings first to get the shape of the argument.
- Read the excerpt and the original title together; they often frame the piece differently.
- Keep an eye on translator notes, which are usually short and placed at the end.
- Do not worry about every unfamiliar name on a first pass.

> "I stopped fighting the unusual sentence order and started enjoying it."
> — a demo reader

It also helps to remember that a translation is an interpretation. If a passage feels odd, the original is linked from the article header, and comparing the two, even with limited knowledge of the source language, can be illuminating.

Finally, take breaks. A long article does not need to be read in one sitting, and the platform remembers nothing about your progress, so a simple bookmark works best.`,
    authorSlug: "owen",
    publicationSlug: "kohoku-shimbun-demo",
    tagSlugs: ["demo", "reading", "translation"],
    publishedAt: "2021-04-01T09:00:00Z",
    originalTitle: "サンプル記事：長い翻訳記事の読み方",
    originalUrl: "https://kohoku-shimbun.example/demo/reading-long-translated-articles",
    originalLanguage: "ja",
  },
  {
    slug: "typography-for-long-form-reading",
    title: "Demo: Typography for Long-Form Reading",
    excerpt:
      "Demo article: sample notes on font size, line length and spacing for comfortable long-form reading.",
    body: `This is sample content shipped with the platform. It describes the typographic choices behind the article layout, and doubles as a test page for tables.

Long-form reading is mostly about *comfort*. The reader should forget about the page and follow the text. Three settings do most of the work: font size, line length and line height.

## Default settings

| Setting      | Default value  | Why                                  |
| ------------ | -------------- | ------------------------------------ |
| Font size    | 18px           | Readable on laptops without zooming  |
| Line length  | about 70 chars | Eyes find the next line easily       |
| Line height  | 1.6            | Leaves room between dense lines      |
| Paragraph gap| 1em            | Separates ideas without big gaps     |

These values are starting points, not rules. Some typefaces look larger than others at the same size, and Japanese text in particular often benefits from slightly more generous line height.

> "Nothing about the page stood out, which is exactly why I kept reading."
> — a demo reader

If you change the theme, test with a real long article rather than a short paragraph. Problems with measure and rhythm only show up after a few screens of text.`,
    authorSlug: "owen",
    publicationSlug: null,
    tagSlugs: ["demo", "typography", "reading"],
    publishedAt: "2021-04-15T09:00:00Z",
  },
  {
    slug: "how-comment-moderation-works",
    title: "Demo: How Comment Moderation Works",
    excerpt:
      "Demo article: an overview of how comments are reviewed, hidden or removed on this platform.",
    body: `This is sample content shipped with the platform. It explains the moderation workflow in general terms so that new administrators know what to expect.

Comments are open on most articles. Moderation exists to keep discussion useful, not to remove disagreement. The process is deliberately simple.

## The moderation steps

1. A reader posts a comment, which appears immediately.
2. Any reader can flag a comment they believe breaks the guidelines.
3. Flagged comments enter a review queue visible to moderators.
4. A moderator either clears the flag, hides the comment, or removes it.
5. The comment author is notified of the outcome.

Hidden comments remain in the database and can be restored. Removed comments are kept only long enough to handle appeals. Moderators are encouraged to leave a short note explaining each decision, which helps consistency over time.

> "Knowing how the queue works made me more willing to flag things."
> — a demo reader

The guidelines themselves are short: be *civil*, stay on topic, and do not post personal information about anyone. Everything else is left to the judgment of the moderators.`,
    authorSlug: "owen",
    publicationSlug: null,
    tagSlugs: ["demo", "moderation", "platform"],
    publishedAt: "2021-04-29T09:00:00Z",
  },
  {
    slug: "how-translation-attribution-works",
    title: "Demo: How Translation Attribution Works",
    excerpt:
      "Demo article: how the platform credits original sources, original titles and translators.",
    body: `This is sample content shipped with the platform. It is itself presented as a translation from the fictional Kohoku Shimbun (demo), so the attribution box at the top of the page shows real fields with placeholder values.

When an article is a translation, three extra pieces of information can be recorded: the *original title*, the *original URL* and the *original language*. Together they tell the reader where the text came from.

## What appears on the page

- The original title, shown in its own script under the translated title.
- A link to the original article.
- The language of the original, shown as a short label.
- The publication, if the article belongs to one.

Attribution is not decoration. It lets readers check the source, and it gives credit to the people who wrote the original. If an article is only loosely based on a source, say so in the body rather than filling in the original-title field.

> "The small line with the original title was the first thing I looked for."
> — a demo reader

All links in the demo point at placeholder domains, such as [example.com](https://example.com) or the fictional kohoku-shimbun.example address, so nothing here leads to a real outlet.`,
    authorSlug: "owen",
    publicationSlug: "kohoku-shimbun-demo",
    tagSlugs: ["demo", "translation", "platform"],
    publishedAt: "2021-05-10T09:00:00Z",
    originalTitle: "サンプル記事：翻訳記事の出典表示について",
    originalUrl: "https://kohoku-shimbun.example/demo/translation-attribution",
    originalLanguage: "ja",
  },
  {
    slug: "the-value-of-footnotes",
    title: "Demo: The Value of Footnotes",
    excerpt:
      "Demo article: why footnotes are useful in long articles, with a working footnote example.",
    body: `This is sample content shipped with the platform. It argues, briefly, for footnotes, and includes one so you can see how they render.

Footnotes let a writer add detail without interrupting the main line of thought. A reader who wants the aside can follow it; everyone else can keep going.[^1] That small choice respects the reader's attention.

## When to use them

- To give a source or a reference without cluttering the sentence.
- To explain a term that only some readers will need.
- To add a translator's note on a word with no clean equivalent.

When not to use them is just as important. If the aside is essential to the argument, it belongs in the body. If there are more footnotes than paragraphs, the article probably needs restructuring.

> "I read every footnote, but I liked that I did not have to."
> — a demo reader

On this platform, footnotes are collected at the bottom of the article and linked in both directions, so readers can jump down and back without losing their place.

[^1]: This is a demo footnote. It exists only to show how footnotes are rendered and linked.`,
    authorSlug: "owen",
    publicationSlug: null,
    tagSlugs: ["demo", "writing", "reading"],
    publishedAt: "2021-05-24T09:00:00Z",
  },
  {
    slug: "writing-tips-for-clear-paragraphs",
    title: "Demo: Writing Tips for Clear Paragraphs",
    excerpt:
      "Demo article: sample writing advice on building paragraphs that are easy to follow.",
    body: `This is sample content shipped with the platform, filed under the fictional Kohoku Shimbun (demo) publication to show how publication pages group articles.

A clear paragraph does one job. It opens with the point, supports it, and stops. Readers of long articles rely on this shape to skim, to return, and to find their place again.

## Some practical habits

- Put the main idea in the first sentence.
- Keep one idea per paragraph; split when a second idea appears.
- Prefer concrete nouns to abstract ones.
- Read the paragraph aloud and cut whatever makes you stumble.

*Short* is not always better. A paragraph of six sentences can be perfectly clear if each sentence follows from the last. What matters is that the reader never has to guess why a sentence is there.

> "Once each paragraph had one job, the whole piece got shorter."
> — a demo reader

Finally, look at the paragraph breaks on the rendered page, not only in the editor. Typography changes how long a block of text feels, and a paragraph that looked fine while writing may need a break once it is on screen.`,
    authorSlug: "owen",
    publicationSlug: "kohoku-shimbun-demo",
    tagSlugs: ["demo", "writing"],
    publishedAt: "2021-06-03T09:00:00Z",
  },
  {
    slug: "choosing-tags-for-your-articles",
    title: "Demo: Choosing Tags for Your Articles",
    excerpt:
      "Demo article: how tags work on this platform and how to choose a small, useful set.",
    body: `This is sample content shipped with the platform. It explains how tags work, using the demo tags as examples.

Tags help readers find related articles. Each tag has its own page listing every article that carries it, newest first. Because of that, a tag is only useful if it groups articles a reader would genuinely want to browse together.

## Guidelines for tagging

1. Use one to three tags per article.
2. Reuse existing tags before creating new ones.
3. Prefer broad topics, such as *reading* or *writing*, over one-off labels.
4. Avoid tags that simply repeat words from the title.

In the demo, every sample article carries the "demo" tag so you can find and remove all of them at once. The other tags (platform, reading, writing, translation, moderation and typography) show how a small vocabulary can cover a whole site.

> "Three tags per article was plenty; anything more felt like noise."
> — a demo reader

If a tag page ends up with only one article on it for months, consider merging it into a broader tag.`,
    authorSlug: "owen",
    publicationSlug: null,
    tagSlugs: ["demo", "platform"],
    publishedAt: "2021-06-14T09:00:00Z",
  },
  {
    slug: "a-note-on-line-length-and-measure",
    title: "Demo: A Note on Line Length and Measure",
    excerpt:
      "Demo article: sample notes on why line length affects reading comfort in long articles.",
    body: `This is sample content shipped with the platform, placed in the fictional Kohoku Shimbun (demo) publication. It is a short note on one typographic setting: the *measure*, or line length.

When lines are too long, the eye struggles to find the start of the next line. When they are too short, the reader is constantly jumping back, and the text feels choppy. Somewhere in the middle, reading becomes effortless.

## Rules of thumb

- For English text, aim for roughly 60 to 75 characters per line.
- For Japanese text, a somewhat shorter line often reads better.
- On wide screens, keep the column narrow and let the margins grow.
- On phones, let the column fill the screen with modest padding.

The article layout on this platform caps the column width for this reason. Images and tables may break out of the column, but body text stays within it.

> "I never noticed the line length, which I suppose is the point."
> — a demo reader

If you customise the theme, check the measure at several window widths. A layout that looks elegant at one size can be tiring at another.`,
    authorSlug: "owen",
    publicationSlug: "kohoku-shimbun-demo",
    tagSlugs: ["demo", "typography"],
    publishedAt: "2021-06-25T09:00:00Z",
  },
  {
    slug: "reporting-a-comment-as-a-reader",
    title: "Demo: Reporting a Comment as a Reader",
    excerpt:
      "Demo article: what happens when a reader flags a comment, seen from the reader's side.",
    body: `This is sample content shipped with the platform. It describes the comment-flagging feature from the point of view of a reader rather than a moderator.

Next to every comment there is a small flag button. Pressing it opens a short form asking for a reason. The reasons are intentionally few, so that flags are quick to give and easy to review.

## Available reasons

- Off-topic or spam.
- Uncivil or abusive language.
- Personal information about someone.
- Something else, with a short free-text note.

After you submit a flag, the comment stays visible to you until a moderator reviews it. You will not be told who else flagged it, and the comment author will not be told that you did. Flagging is *anonymous* towards other readers.

> "It took ten seconds, and I did not have to argue with anyone."
> — a demo reader

Please flag sparingly. A flag is a request for a second look, not a vote against an opinion. Comments you simply disagree with are better answered with a reply.`,
    authorSlug: "owen",
    publicationSlug: null,
    tagSlugs: ["demo", "moderation"],
    publishedAt: "2021-07-06T09:00:00Z",
  },
  {
    slug: "keeping-translator-notes-short",
    title: "Demo: Keeping Translator Notes Short",
    excerpt:
      "Demo article: sample advice for translators on writing brief, helpful notes.",
    body: `This is sample content shipped with the platform, filed under the fictional Kohoku Shimbun (demo) publication. It offers a few suggestions for translators who add notes to their work.

A translator's note should answer one question the reader is likely to have, and then get out of the way. The best notes are a sentence or two. Longer explanations usually belong in a separate article.

## A simple process

1. Finish the translation without any notes.
2. Read it as a newcomer and mark every place you would stop and wonder.
3. Try to fix each one in the text itself first.
4. Add a note only where the text cannot carry the explanation.

Notes work well for wordplay, for terms with no close equivalent, and for references a reader of the original would recognise instantly. They work badly as a place to argue with the author.

> "The notes felt like a friend leaning over to whisper, not a lecture."
> — a demo reader

On this platform, notes can be written as footnotes or as a short *Translator's note* section at the end. Either is fine; just be consistent within a publication.`,
    authorSlug: "owen",
    publicationSlug: "kohoku-shimbun-demo",
    tagSlugs: ["demo", "translation", "writing"],
    publishedAt: "2021-07-15T09:00:00Z",
  },
  {
    slug: "drafts-previews-and-scheduling",
    title: "Demo: Drafts, Previews and Scheduling",
    excerpt:
      "Demo article: how drafts, previews and scheduled publishing fit together on this platform.",
    body: `This is sample content shipped with the platform. It explains the life of an article before it goes public.

Every article starts as a *draft*. Drafts are visible only to their author and to administrators. You can save as often as you like; nothing is shown to readers until you publish.

## Three states of an article

- **Draft**: private, editable, not listed anywhere.
- **Scheduled**: complete, with a publication time set in the future.
- **Published**: visible on author, tag and publication pages.

The preview button renders the draft exactly as readers will see it, including footnotes and tables. It is worth checking the preview on a phone as well as a laptop, since long tables and code blocks behave differently on small screens.

> "Scheduling meant I could write on Sunday and publish on Tuesday morning."
> — a demo reader

Scheduled times are stored in UTC and shown in each reader's local time. If you need help with the details, the placeholder documentation link at [example.com](https://example.com) is where real instructions would live.`,
    authorSlug: "owen",
    publicationSlug: null,
    tagSlugs: ["demo", "platform"],
    publishedAt: "2021-07-22T09:00:00Z",
  },
  {
    slug: "reading-comfortably-on-small-screens",
    title: "Demo: Reading Comfortably on Small Screens",
    excerpt:
      "Demo article: sample tips for reading long articles on a phone, and how the layout adapts.",
    body: `This is sample content shipped with the platform. It describes how article pages adapt to phones, and what readers can do to make long reading easier.

Most long articles are read on small screens at least some of the time. The layout therefore shrinks margins, keeps the font size generous, and lets wide elements such as tables scroll sideways instead of squeezing the text.

## Tips for readers

- Use your browser's reader mode if you prefer your own fonts.
- Turn the phone sideways for wide tables.
- Increase the text size in browser settings; the layout will follow.
- Use dark mode in the evening if your system supports it.

> "I finished a twenty-minute article on the train without squinting once."
> — a demo reader

For writers, the lesson is simple: keep tables small, keep headings short, and avoid very long unbroken paragraphs. What looks *dense but fine* on a desktop can feel like a wall of text on a phone.`,
    authorSlug: "owen",
    publicationSlug: null,
    tagSlugs: ["demo", "reading", "typography"],
    publishedAt: "2021-07-31T09:00:00Z",
  },

  // ---------------------------------------------------------------------------
  // Mina (demo author): 4 articles, dated after the seed article.
  // ---------------------------------------------------------------------------
  {
    slug: "headings-and-structure-in-long-articles",
    title: "Demo: Headings and Structure in Long Articles",
    excerpt:
      "Demo article: sample guidance on using headings to give long articles a clear shape.",
    body: `This is sample content shipped with the platform, written under a demo author account to show how multiple authors appear on the site.

Headings are signposts. In a long article they let readers see the structure at a glance, skip to the part they need, and come back later without rereading everything.

## Keep the hierarchy shallow

Most articles need only one level of subheading. The title is already the top level, so body headings start at the second level. A third level is occasionally useful, but if you find yourself reaching for a fourth, the article is probably two articles.

## Make headings informative

- Prefer "Keep the hierarchy shallow" to "Structure".
- Avoid jokes that only make sense after reading the section.
- Keep them short enough to fit on one line on a phone.

> "I read the headings first, then decided which sections to read closely."
> — a demo reader

Good headings also make *linking* easier: each subheading gets an anchor, so readers can share a link to a specific section rather than the whole article.`,
    authorSlug: "mina-demo",
    publicationSlug: null,
    tagSlugs: ["demo", "writing", "typography"],
    publishedAt: "2021-08-20T09:00:00Z",
  },
  {
    slug: "keeping-a-glossary-for-translated-series",
    title: "Demo: Keeping a Glossary for Translated Series",
    excerpt:
      "Demo article: why a shared glossary helps keep terms consistent across translated articles.",
    body: `This is sample content shipped with the platform. It suggests a small habit for anyone translating a series of related articles: keep a glossary.

When several articles cover the same subject, the same terms appear again and again. If one article renders a term one way and the next article another, readers may think two different things are meant. A glossary prevents that.

## What to record

- The source term, in its original script.
- The chosen translation.
- A one-line note on why, if the choice was not obvious.
- The date the entry was added or changed.

A glossary does not need special software. A shared document or a simple table is enough. What matters is that everyone translating for the same publication can find it and agrees to use it.

> "Once the glossary existed, the arguments about wording mostly stopped."
> — a demo reader

When a term changes, resist the urge to silently update older articles. Instead, add a short note to the glossary entry. Readers following a series over months will appreciate *consistency* more than perfection.`,
    authorSlug: "mina-demo",
    publicationSlug: null,
    tagSlugs: ["demo", "translation", "reading"],
    publishedAt: "2021-09-14T09:00:00Z",
  },
  {
    slug: "community-guidelines-in-plain-words",
    title: "Demo: Community Guidelines in Plain Words",
    excerpt:
      "Demo article: a plain-language sample of the community guidelines used in comments.",
    body: `This is sample content shipped with the platform. It restates the demo community guidelines in plain words, as an example of how a site might present its rules.

The guidelines are meant to be short enough to remember. If you follow them, you will almost never hear from a moderator.

## The guidelines

1. Be civil, even when you disagree strongly.
2. Stay on the topic of the article.
3. Do not share personal information about anyone.
4. Do not post advertising or repeated links.
5. If something bothers you, flag it instead of escalating.

These rules apply equally to readers and authors. Authors are welcome in their own comment threads, but they are expected to follow the same standard of *civility* as everyone else.

> "Five rules I could actually remember. That helped."
> — a demo reader

Moderators use judgment rather than a checklist. A heated but sincere comment is usually fine; a polite comment that reveals someone's private details is not. When in doubt, moderators leave a note explaining their decision.`,
    authorSlug: "mina-demo",
    publicationSlug: null,
    tagSlugs: ["demo", "moderation"],
    publishedAt: "2021-10-19T09:00:00Z",
  },
  {
    slug: "a-short-guide-to-writing-excerpts",
    title: "Demo: A Short Guide to Writing Excerpts",
    excerpt:
      "Demo article: sample advice on writing the one-sentence excerpt that appears in article listings.",
    body: `This is sample content shipped with the platform. It focuses on a small field that has a large effect: the excerpt.

The excerpt appears on author pages, tag pages, publication pages and in link previews. For many readers, it is the only part of your article they will see before deciding whether to click.

## What makes a good excerpt

- It is one or two sentences long.
- It says what the article is *about*, not just what it is called.
- It avoids repeating the title word for word.
- It contains no formatting, since it is shown as plain text.

A useful test is to read the excerpt alone, without the title. If it still tells you what to expect, it is doing its job.

> "The excerpt told me exactly what I would get, so I trusted the article."
> — a demo reader

Avoid teasing. An excerpt that hides the point to provoke curiosity tends to disappoint readers once they arrive. Clear and modest works better over time.`,
    authorSlug: "mina-demo",
    publicationSlug: null,
    tagSlugs: ["demo", "writing", "platform"],
    publishedAt: "2021-11-23T09:00:00Z",
  },

  // ---------------------------------------------------------------------------
  // Daniel (demo author): 3 articles, dated after the seed article.
  // ---------------------------------------------------------------------------
  {
    slug: "a-checklist-before-you-publish",
    title: "Demo: A Checklist Before You Publish",
    excerpt:
      "Demo article: a sample pre-publication checklist for articles on this platform.",
    body: `This is sample content shipped with the platform, written under a second demo author account. It offers a checklist to run through before pressing publish.

Checklists are not glamorous, but they catch the small mistakes that distract readers. This one takes about five minutes.

## The checklist

1. Read the title and excerpt together. Do they agree?
2. Check that each subheading describes its section.
3. Open every link and make sure it goes where you expect.
4. For translations, confirm the original title, URL and language.
5. Add one to three tags.
6. Preview on a phone and on a wide screen.
7. Read the first and last paragraphs aloud.

None of these steps requires special tools. The preview button and a few minutes of attention are enough.

> "The checklist caught a broken link I had looked at three times."
> — a demo reader

Feel free to adapt the list. Some publications add steps for image credits or a second reader. What matters is that the checklist is *short* enough that you actually use it.`,
    authorSlug: "daniel-demo",
    publicationSlug: null,
    tagSlugs: ["demo", "writing", "platform"],
    publishedAt: "2021-08-30T09:00:00Z",
  },
  {
    slug: "using-blockquotes-well",
    title: "Demo: Using Blockquotes Well",
    excerpt:
      "Demo article: sample notes on when blockquotes help a long article and when they get in the way.",
    body: `This is sample content shipped with the platform. It looks at blockquotes: what they are for and how they are styled on this site.

A blockquote sets a passage apart from the surrounding text. It signals that the words belong to someone else, or that they deserve a moment of attention. Used sparingly, that signal is powerful.

> "A quote should earn its indentation."
> — a demo reader

## Good uses

- Quoting a passage you are about to discuss.
- Showing a short excerpt from a source document.
- Highlighting a reader's remark, as the demo articles do.

## Less good uses

Blockquotes are not a way to make your own sentences look important. Pulling a line from your article and repeating it as a large quote can feel like padding, especially on small screens where it pushes the next paragraph far down.

Typographically, blockquotes here use a thin left rule and slightly *smaller* text rather than larger. That keeps them visually distinct without shouting, and keeps long quoted passages readable.`,
    authorSlug: "daniel-demo",
    publicationSlug: null,
    tagSlugs: ["demo", "writing", "typography"],
    publishedAt: "2021-10-05T09:00:00Z",
  },
  {
    slug: "browsing-by-author-tag-and-publication",
    title: "Demo: Browsing by Author, Tag and Publication",
    excerpt:
      "Demo article: how readers can browse the demo site by author, by tag and by publication.",
    body: `This is sample content shipped with the platform. It describes the three main ways to browse articles, using the demo data as an example.

## By author

Each author has a page listing their articles, newest first. In the demo, one author has most of the sample articles, and two demo authors have a few each, so you can see both a long and a short author page.

## By tag

Tags group articles by topic. Every demo article carries the "demo" tag, plus one or two topic tags such as reading, writing or translation. Tag pages are a good way to find older articles on a subject.

## By publication

Some articles belong to a publication. The demo includes one fictional Japanese daily, the Kohoku Shimbun (demo), whose page lists the sample articles filed under it. Articles without a publication simply appear under their author.

> "I found most of what I read through tag pages, not the front page."
> — a demo reader

All three views use the same article cards: title, excerpt, author and date. If you want to link to any of them from elsewhere, a placeholder such as [example.com](https://example.com) shows how external links look in the body text.`,
    authorSlug: "daniel-demo",
    publicationSlug: null,
    tagSlugs: ["demo", "reading", "platform"],
    publishedAt: "2021-12-10T09:00:00Z",
  },
];

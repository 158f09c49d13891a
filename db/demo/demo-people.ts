import { owenBio } from "./seed-article";

// Demo accounts have no password (password_hash is null), so none of them can sign in.
// Their addresses use the reserved .invalid domain so no mail can ever reach anyone.
export const demoUsers = [
  { slug: "owen", displayName: "Owen", email: "owen@demo.invalid", role: "author", bio: owenBio },
  {
    slug: "mina-demo",
    displayName: "Mina (demo author)",
    email: "mina@demo.invalid",
    role: "author",
    bio: "Mina is a demo author shipped with the platform. Her articles show how a second voice looks on the site.",
  },
  {
    slug: "daniel-demo",
    displayName: "Daniel (demo author)",
    email: "daniel@demo.invalid",
    role: "author",
    bio: "Daniel is a demo author shipped with the platform. Replace him with your own writers.",
  },
  {
    slug: "sam-demo-reader",
    displayName: "Sam (demo reader)",
    email: "sam@demo.invalid",
    role: "reader",
    bio: "",
  },
] as const;

export const demoPublication = {
  slug: "kohoku-shimbun-demo",
  name: "The Kohoku Shimbun (fictional)",
  country: "Japan",
  language: "ja",
  website: "https://kohoku-shimbun.example",
  description:
    "A fictional Japanese daily newspaper that exists only as demo content for this platform. Translated articles credit their source publication here.",
} as const;

export const demoTags = [
  { slug: "demo", name: "Demo" },
  { slug: "reading", name: "Reading" },
  { slug: "translation", name: "Translation" },
  { slug: "writing", name: "Writing" },
  { slug: "platform", name: "Platform" },
  { slug: "moderation", name: "Moderation" },
  { slug: "typography", name: "Typography" },
  { slug: "diplomacy", name: "Diplomacy" },
  { slug: "opinion", name: "Opinion" },
] as const;

// A short approved thread under the welcome article, so comments and replies have something to show.
export const demoComments = [
  {
    articleSlug: "welcome-to-the-demo-platform",
    authorSlug: "sam-demo-reader",
    body: "Demo comment: this is what an approved comment looks like.",
    replyTo: null,
  },
  {
    articleSlug: "welcome-to-the-demo-platform",
    authorSlug: "owen",
    body: "Demo reply: and this is a threaded reply from the author.",
    replyTo: 0,
  },
] as const;

// The seed article, verbatim from the page this site first reproduced. Its paragraphs are kept
// one per array entry so tests can check every sentence appears, in order.
export const seedArticleTitle = "US and China Hold High-Level Diplomatic Talks To Build Dialogue and Ease Tensions";

export const seedArticleSlug = "us-and-china-hold-high-level-diplomatic-talks-to-build-dialogue-and-ease-tensions";

export const seedArticlePublishedAt = "2021-08-03T09:00:00Z";

export const seedArticleParagraphs: readonly string[] = [
  "Deputy Secretary of State Wendy Sherman, the No. 2 official in the U.S. State Department, visited China and met separately with State Councilor and Foreign Minister Wang Yi and Vice Minister of Foreign Affairs Xie Feng. This is the first visit to China by a senior State Department official since the Biden administration took office.",
  "In March, the top diplomats of the U.S. and China engaged in a heated debate in Alaska, which exposed the seriousness of their differences in values and their mutual distrust. This is the first face-to-face meeting between the two countries since then.",
  "As the confrontation between the U.S. and China intensifies, the two sides may have finally recognized the need to ease tensions.",
  "Their aim is to reestablish regular negotiations and to set the stage for a meeting between U.S. President Joe Biden and Chinese President Xi Jinping.",
  "The meeting is expected to take place at the summit of the Group of 20 industrial and emerging-market nations, to be held in Rome at the end of October.",
  "The talks lasted a total of six hours. The international community has been watching closely as both countries have emphasized communication.",
  "However, both sides repeated the conventional argument that the other side is responsible for the deterioration of relations, giving the impression of the depth of the rift.",
  "Sherman criticized China’s actions “that undermine the international rules-based order.” She conveyed her concerns over the human rights situation in Hong Kong and the Xinjiang Uighur Autonomous Region. She also referred to the situation with the South China Sea and Taiwan.",
  "All of these are China’s most important “core interests.” Wang strongly opposed the U.S. move, especially on the Taiwan issue, saying, “If you provoke us, we will stop you by any means necessary.” He also pushed for the withdrawal of sanctions against China.",
  "Former Secretary of State Henry Kissinger, who led the U.S.-China rapprochement 50 years ago, sounded the alarm in a speech this month, saying, “Conflicts between the U.S. and China will divide the whole world.”",
  "The U.S. and China are vying for influence in Europe, Asia and the Middle East, and the economic divide is spreading from high-tech industries to financial markets. Many countries, including Japan, are wary of a situation wherein they are forced to pick sides between the U.S. and China.",
  "Multilateral diplomacy, such as that of the United Nations, could also become dysfunctional. When the interests of developed and developing countries collide, as in the case of climate change, it becomes even more difficult to reach a consensus. It is the proper role of major powers to emphasize international cooperation rather than putting national interests first.",
  "At a time when tensions and distrust are rising, the U.S. and China must continue their efforts to build dialogue and limit confrontation.",
];

export const owenBio = "I am currently a university student with a degree in International Affairs and a soon to be degree in Japanese. I enjoy reading books, talking with people, and learning new things.";

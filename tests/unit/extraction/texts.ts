/**
 * Passages written for these tests (not taken from the seed article), so the rules are shown
 * to work on text they were not developed against: English news prose, and Tagalog written as
 * ordinary prose rather than pre-tokenised.
 */

export const ENGLISH_NEWS = `Flood relief reaches northern Mindanao as toll rises

CAGAYAN DE ORO — More than 12,000 families were moved to evacuation centres on Tuesday, according to the Department of Social Welfare and Development. The agency said the floods had damaged 4,500 homes and destroyed crops worth an estimated ₱2.3 billion.

"We have never seen the river rise this fast," said Mayor Ana Reyes, who has led the city since 2019. "Every village along the bank was under water by midnight."

Health Secretary Teodoro Herbosa told reporters on 9 November 2023 that 12 percent of the centres lacked clean water. The World Helth Organization said it would fly in 40 tonnes of supplies, and the Untied Nations pledged $5 million.

The last flood of this size struck in the 1990s. On December 16, 2011, Tropical Storm Washi killed 1,268 people in the region, a report by the Philipines government later found. Under Section 21 of Republic Act 10121, every city must keep a disaster fund, but officials admitted that most of the money had gone unspent.

Analysts at the Asian Development Bank estimate that two million people in Mindanao live in flood-prone areas. "Nobody can say the warnings were not there," the report concluded.
`;

export const TAGALOG_PROSE = `Ayon sa Philippine Statistics Authority, umabot sa 2.5 milyong Pilipino ang walang trabaho noong Abril 2023. Sinabi ni Kalihim Bienvenido Laguesma na tataas ang sahod ng mga manggagawa sa ika-1 ng Hulyo, 2024.
"Hindi kami titigil hanggang makamit ang hustisya," ani Senador Risa Hontiveros. Noong Setyembre 21, 1972, idineklara ni Pangulong Ferdinand Marcos ang Batas Militar sa ilalim ng Proklamasyon Blg. 1081.
Mahigit dalawang daang libong pamilya ang lumikas sa Kabisayaan matapos ang bagyong Yolanda noong Nobyembre 2013. Gumastos ang pamahalaan ng ₱95.5 bilyon para sa rehabilitasyon, ayon sa Commission on Audit.
Sinabi ng Untied Nations na 4 milyong katao ang nawalan ng tirahan sa Pilipnas noong dekada 2010. Ayon sa ulat, tatlo sa bawat sampung bata sa Mindanao ang hindi nakapag-aaral noong Disyembri 2019.
`;

/** Ordinary inflected Tagalog: many forms of a few roots, none of them a misspelling. */
export const TAGALOG_INFLECTIONS = `Sinabi ng guro na mag-aaral ang mga bata. Sinabi ng punong-guro na nag-aaral na sila.
Sinabi rin ng magulang na sinasabi ito ng guro araw-araw. Sasabihin ng guro sa kanila ang pag-aaral.
Nagsabi ang alkalde na kumain ang mga bata. Kinain nila ang tinapay at kakain pa sila mamaya.
Kumakain sila ngayon habang nagsasabi ang guro ng kuwento. Sinabing muli ng guro na mahalaga ang pag-aaral.
Nag-aaral ang mga Pilipino at Pilipina sa Maynila; ang taga-Maynila ay nagsasalita ng Tagalog.
Kinakain ng mga mag-aaral ang kanilang baon, at pinag-aaralan nila ang aralin.`;

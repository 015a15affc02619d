// A thousand stored conversations for the search scenario: each on one topic, questions and
// Markdown answers in the chat's stored shape, with the skew of real text (a few words everywhere,
// most words in a few conversations) and some accented ones. Seeded, so every run searches the same text.

const COMMON = (
  'the a to and of in is it you that for on with this can be as are your if or not use will at by from have ' +
  'more one when which also then so but how what should do there some make each time first other just like ' +
  'step way need want good best works usually example better without before after because about most'
).split(' ');

const TOPICS = {
  cooking: 'pasta carbonara guanciale pecorino eggs sauce simmer oven roast garlic onion butter flour dough bread yeast knead risotto saffron stock broth spaghetti basil tomato olive recipe crème brûlée soufflé sauté purée',
  travel: 'Lisbon Porto train ticket hotel hostel museum tram ferry beach itinerary flight airport luggage passport visa café pastéis Belém neighbourhood viewpoint tiles fado harbour river bridge metro map',
  programming: 'function variable closure promise async await TypeScript React component render state hook effect reducer array object string compile bundle module import export test debug error stack lifetime borrow',
  finance: 'budget savings interest mortgage loan pension invest index fund stocks bonds inflation tax deduction income expense account deposit withdrawal portfolio dividend broker risk compound rent',
  garden: 'garden soil compost seeds tomatoes basil prune roses watering mulch fertiliser seedlings greenhouse frost spring autumn bulbs lawn weeds hedge orchard apple pear raised bed',
  health: 'sleep exercise running stretching protein hydration posture knee shoulder muscle recovery warm-up cardio strength routine diet fibre vitamin doctor symptoms fever headache naïve habit',
  writing: 'essay paragraph outline draft résumé cover letter thesis argument citation chapter novel character plot dialogue editor proofread tone clarity sentence grammar comma headline',
  music: 'guitar chord scale piano rhythm tempo melody harmony practice metronome fingerpicking strum capo tuning octave jazz blues song lyrics recording microphone amplifier',
};
const TOPIC_WORDS = Object.fromEntries(Object.entries(TOPICS).map(([topic, words]) => [topic, words.split(' ')]));

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks early entries far more often than late ones, as word frequencies go. */
const skewed = (rand, list) => list[Math.floor(list.length * rand() ** 2)];

function sentence(rand, topicWords, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(rand() < 0.3 ? skewed(rand, topicWords) : skewed(rand, COMMON));
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function answer(rand, topicWords) {
  const blocks = [];
  const count = 2 + Math.floor(rand() * 4);
  for (let b = 0; b < count; b++) {
    const kind = rand();
    if (kind < 0.5) blocks.push(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => sentence(rand, topicWords, 8 + Math.floor(rand() * 14))).join(' '));
    else if (kind < 0.8) blocks.push(Array.from({ length: 3 }, () => `- **${skewed(rand, topicWords)}**: ${sentence(rand, topicWords, 6 + Math.floor(rand() * 6))}`).join('\n'));
    else blocks.push(`Use \`${skewed(rand, topicWords)}\` first. ${sentence(rand, topicWords, 12)}`);
  }
  return blocks.join('\n\n');
}

/** @returns {Record<string, object>} `count` conversations of about `messages` messages, keyed by id */
export function conversationsFixture(count, messages, seed = 42) {
  const rand = random(seed);
  const topics = Object.keys(TOPIC_WORDS);
  const conversations = {};
  for (let c = 0; c < count; c++) {
    const topic = topics[c % topics.length];
    const words = TOPIC_WORDS[topic];
    const createdAt = 1_700_000_000_000 + c * 3_600_000;
    const length = messages - 2 + Math.floor(rand() * 5);
    const list = [];
    for (let m = 0; m < length; m++) {
      const user = m % 2 === 0;
      const text = user ? `${sentence(rand, words, 6 + Math.floor(rand() * 10)).slice(0, -1)}?` : answer(rand, words);
      list.push({ id: `m${m}`, role: user ? 'user' : 'assistant', text, createdAt: createdAt + m * 1000, ...(user ? {} : { status: 'done' }) });
    }
    const id = `c${c}`;
    conversations[id] = { id, title: `${topic}: ${skewed(rand, words)} and ${skewed(rand, words)}`, createdAt, updatedAt: createdAt + length * 1000, settings: {}, messages: list };
  }
  return conversations;
}

/** `count` queries of one or two words as people type them: whole words, some cut short, any case. */
export function queriesFixture(count, seed = 7) {
  const rand = random(seed);
  const all = Object.values(TOPIC_WORDS).flat();
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: rand() < 0.6 ? 1 : 2 }, () => {
      const word = all[Math.floor(rand() * all.length)];
      return rand() < 0.3 ? word.slice(0, Math.max(3, Math.ceil(word.length / 2))) : word;
    });
    return rand() < 0.2 ? words.join(' ').toUpperCase() : words.join(' ');
  });
}

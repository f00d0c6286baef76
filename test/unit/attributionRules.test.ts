// Attribution rules added for issue 3 (quote and speaker accuracy), each on a short made-up fixture.
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article';

function speakerOf(text: string, quoteStart: string): string | null {
  const a = parseArticle('fixture.txt', 'Headline\n\n' + text);
  const q = a.quotes.find((x) => x.text.startsWith(quoteStart));
  assert.ok(q, `no quote starting "${quoteStart}" in ${JSON.stringify(a.quotes.map((x) => x.text))}`);
  return q.speaker;
}

describe('attribution rules (issue 3)', () => {
  it('a name opening a long appositive before the verb is the speaker', () => {
    assert.equal(speakerOf('Maria Olsen, 44, a dairy farmer from the valley, said the new rules were “hard to follow.”', 'hard'), 'Maria Olsen');
    assert.equal(speakerOf('Peter Hale, associate professor of geology at the state college, said the cliffs “could go at any time.”', 'could'), 'Peter Hale');
    assert.equal(speakerOf('Paul Wendt, an engineer who advised the county on the bridge, said the repairs were “overdue.”', 'overdue'), 'Paul Wendt');
  });

  it('a name after a description, both before the verb, is the speaker', () => {
    assert.equal(speakerOf('In a letter to members, the club’s treasurer, Janet Moss, wrote: “We are out of money.”', 'We are'), 'Janet Moss');
  });

  it('a name inside a clause is not taken for the subject of a later verb', () => {
    assert.equal(speakerOf('When voters met Tom Reyes, who runs the bakery, the mayor said the town was “doing fine.”', 'doing'), 'the mayor');
  });

  it('after the quote: the head of a long speaker phrase before the verb', () => {
    assert.equal(speakerOf('“The bridge is safe,” county radio host Dee Moran said.', 'The bridge'), 'Dee Moran');
    assert.equal(speakerOf('“The bridge is safe,” Ann Lee of the Harbor Engineering Institute wrote.', 'The bridge'), 'Ann Lee');
    assert.equal(speakerOf('“The bridge is safe,” Ann Lee, who chaired the review panel for nine years, said.', 'The bridge'), 'Ann Lee');
    assert.equal(speakerOf('“The bridge is safe,” a spokesman for the county said.', 'The bridge'), 'a spokesman');
    assert.equal(speakerOf('“The bridge is safe,” says the county’s engineer.', 'The bridge'), 'the county’s engineer');
  });

  it('after the quote: not a head that is no speaker', () => {
    assert.equal(speakerOf('“The bridge is safe,” the bespectacled, gray-haired engineer said.', 'The bridge'), null);
    assert.equal(speakerOf('The bridge was judged “safe,” drawing loud boos from residents who said they would sue.', 'safe'), null);
  });

  it('a sentence ending in “, said NAME.” attributes the quote inside it', () => {
    assert.equal(speakerOf('The vote marks “the end of an era” for the town, said Ann Lee, a council member.', 'the end'), 'Ann Lee');
    assert.equal(speakerOf('He praised “the end of an era” and the crowd, cited the budget and left.', 'the end'), null);
  });

  it('a relative “who” naming a person right before the quote is that person', () => {
    assert.equal(speakerOf('The plan drew fire from Mayor Ann Lee, who called it “a giveaway.”', 'a giveaway'), 'Ann Lee');
    // Far from the quote, "who called" is not the quote's cue; the main clause's verb is.
    assert.equal(speakerOf('Ann Lee, who called Tom Ruiz shortly after the count, told her supporters, “We won.”', 'We won'), 'Ann Lee');
  });

  it('a participle with an unnamed subject takes the sentence subject', () => {
    assert.equal(speakerOf('After the storm, Mayor Ann Lee ran a short web video calling it “a wake-up call.”', 'a wake-up'), 'Ann Lee');
  });

  it('subjects with a bare possessive or a reflexive before the verb', () => {
    assert.equal(speakerOf('Ann Lee herself said the count was “fair.”', 'fair'), 'Ann Lee');
    assert.equal(speakerOf('The Rivers’ lawyer said the count was “fair.”', 'fair'), 'Rivers’ lawyer');
  });

  it('a subordinate clause after the quote does not speak for it', () => {
    assert.equal(speakerOf('The banners showed “four more years” until Ann Lee spoke up.', 'four more'), null);
  });

  it('“…,” adding, “…”: the participle shares the previous quote’s speaker', () => {
    assert.equal(speakerOf('Ann Lee told reporters that the plan was “a mess,” adding, “Nobody read it.”', 'Nobody'), 'Ann Lee');
  });

  it('speech nouns are not cue verbs unless a person does them', () => {
    assert.equal(speakerOf('Critics seized on the racial remarks and on the claim that the judge “ought to step aside.”', 'ought'), null);
    assert.equal(speakerOf('Outside, protesters chant “four more years” at the cars.', 'four more'), 'protesters');
  });

  it('“continued to” is not a cue of speech', () => {
    assert.equal(speakerOf('Ann Lee said she is sure Tom Ruiz will continue to remain “a strong voice.”', 'a strong'), 'Ann Lee');
  });

  it('a name in “what NAME called” right before the quote speaks; a pronoun there leaves the main subject', () => {
    assert.equal(speakerOf('The town entered what historian Ann Lee called “the quiet years.”', 'the quiet'), 'Ann Lee');
    assert.equal(speakerOf('Mayor Tom Ruiz complained loudly about what he calls “the parking cartel.”', 'the parking'), 'Tom Ruiz');
  });

  it('a sentence ending in a colon before the quote is introduced by its person subject', () => {
    assert.equal(speakerOf('Ann Lee has since apologized for the delay: “I should have asked first.”', 'I should'), 'Ann Lee');
    assert.equal(speakerOf('The sign on the door was blunt: “Closed for good.”', 'Closed'), null);
  });

  it('a speech noun does not stop the speaker carrying to the next quote of the sentence', () => {
    assert.equal(speakerOf('Ann Lee said the plan was “a mess” and that the email server was “wide open.”', 'wide open'), 'Ann Lee');
  });

  it('a verb joined to the previous quote by a conjunction or comma shares its speaker', () => {
    assert.equal(speakerOf('Ann Lee called the plan “a mess” and warned that it would be “a disaster.”', 'a disaster'), 'Ann Lee');
    assert.equal(speakerOf('Ann Lee called the plan “a mess,” telling reporters it was “a disaster.”', 'a disaster'), 'Ann Lee');
    // Another subject in between: no carrying.
    assert.equal(speakerOf('Ann Lee called the plan “a mess,” and the mayor warned it was “a disaster.”', 'a disaster'), 'the mayor');
  });

  it('after a possessive a cue word is a noun, unless it heads its own “that” clause', () => {
    assert.equal(speakerOf('The county looked at Ann Lee’s offer to make an “exception” for the school.', 'exception'), null);
    assert.equal(speakerOf('The paper checked Ann Lee’s claim that there were “thousands of potholes” in town.', 'thousands'), 'Ann Lee');
  });

  it('only a first part ending in a comma takes the attribution of the second part', () => {
    const a = parseArticle('f.txt', 'Headline\n\nThe plan is “on track.” He added: “We are hiring.”');
    assert.equal(a.quotes[0].speakerMention, null);
    const b = parseArticle('f.txt', 'Headline\n\nMayor Ann Lee spoke. “We are ready,” she said, “and we are hiring.”');
    assert.equal(b.quotes[0].speaker, 'Ann Lee');
  });

  it('the speaker does not carry into a sentence that names someone else before its quote', () => {
    const a = parseArticle('f.txt', 'Headline\n\n“We are ready,” Mayor Ann Lee said. Later Tom Ruiz worried that the plan was “too thin.”');
    assert.equal(a.quotes[1].speaker, null);
  });

  it('“went on to say”, “wanted to know”: the subject of the governing verb speaks', () => {
    assert.equal(speakerOf('Mayor Ann Lee went on to say she was “confident” about the vote.', 'confident'), 'Ann Lee');
    // Not any verb before "to": the place is no speaker.
    assert.equal(speakerOf('Tom Ruiz went to the radio station early to accuse the council of being “asleep.”', 'asleep'), null);
  });

  it('“NAME said she …”: the main clause’s subject, as PolNeAR marks it', () => {
    const a = parseArticle('f.txt', 'Headline\n\nMayor Ann Lee said she would veto the plan as “reckless.”');
    const m = a.quotes[0].speakerMention!;
    assert.equal(a.text.slice(m.start, m.end), 'Ann Lee');
  });

  it('a pronoun in “whom he called” does not stop the speaker carrying', () => {
    assert.equal(speakerOf('Ann Lee said she would “fight on” against Tom Ruiz, whom she called a “bully.”', 'bully'), 'Ann Lee');
  });

  it('more verbs of speech: implied, indicated, assured, vented, bemoaned, protested, characterized', () => {
    assert.equal(speakerOf('Ann Lee implied the audit was “rigged from the start.”', 'rigged'), 'Ann Lee');
    assert.equal(speakerOf('Tom Ruiz bemoaned what he saw as “a lost decade” for the town.', 'a lost'), 'Tom Ruiz');
    // The nouns stay nouns: "the protests" is no speaker.
    assert.equal(speakerOf('The protests “will not stop,” organizers said.', 'will not'), 'organizers');
  });

  it('a passive is no speaker: “was retweeted”', () => {
    assert.equal(speakerOf('The post was retweeted by thousands as “proof” of fraud.', 'proof'), null);
  });

  it('a line that ends a sentence ends the attribution region inside a paragraph', () => {
    const a = parseArticle('f.txt', 'Headline\n\n“We will rebuild,” Mayor Ann Lee said. “And we will do it fast!”\nLee’s plan is telling about her priorities.');
    assert.deepEqual(a.quotes.map((q) => q.speaker), ['Ann Lee', 'Ann Lee']);
  });

  it('“went on” after a quote, and a speaker phrase with a number (“the 46-year-old”)', () => {
    assert.equal(speakerOf('Mayor Ann Lee spoke. “It happens, right?” Lee went on, smiling.', 'It happens'), 'Ann Lee');
    assert.equal(speakerOf('“We are ready,” said the 46-year-old.', 'We are'), 'the 46-year-old');
  });

  it('a time or place phrase between a titled name and its verb', () => {
    assert.equal(speakerOf('County Commissioner Ann Lee last week said the budget was “a fantasy.”', 'a fantasy'), 'Ann Lee');
    // A name that is an object is not the subject: "told Tom Ruiz on Friday that".
    assert.equal(speakerOf('Ann Lee told radio host Tom Ruiz on Friday that her post was “a joke.”', 'a joke'), 'Ann Lee');
  });

  it('a name before a dashed aside', () => {
    assert.equal(speakerOf('Ann Lee — named by the paper as the likely choice — told reporters that “it is too early.”', 'it is'), 'Ann Lee');
  });

  it('whoever released a statement speaks through its “saying …”', () => {
    assert.equal(speakerOf('The town council released a statement Friday saying the claims were “simply false.”', 'simply'), 'the town council');
    assert.equal(speakerOf('Her office sent out a short statement saying the audit “found nothing.”', 'found'), 'Her office');
  });

  it('a person’s cue reaches further than twenty words when nothing in between starts another attribution', () => {
    const long = 'Mayor Ann Lee said the town has stayed in regular contact with the families of the flooded streets even after the last storm in the spring and would remain a “steady partner” for them.';
    assert.equal(speakerOf(long, 'steady'), 'Ann Lee');
    const other = 'Mayor Ann Lee said the town has stayed in regular contact with the families of the flooded streets, and Tom Ruiz doubted that the pumps would remain “a weak spot” for them.';
    assert.equal(speakerOf(other, 'a weak'), null);
  });

  it('a name after a dash at the end of the line signs the quote, and only that quote', () => {
    const a = parseArticle('f.txt', 'Headline\n\nReaders wrote in.\n\n“The bridge has to stay open.” ― Maria Olsen\n“Nobody asked us.” ― Peter Hale\n“We want a vote.”');
    assert.deepEqual(a.quotes.map((q) => q.speaker), ['Maria Olsen', 'Peter Hale', null]);
  });

  it('a narrator speaks: “…?” a narrator in the ad asks', () => {
    assert.equal(speakerOf('“Why did the county wait?” a narrator in the ad asks.', 'Why did'), 'a narrator');
  });

  it('a day of the week is never the speaker, even capitalised', () => {
    assert.equal(speakerOf('The harbor board on Tuesday dismissed the offer as “a stunt.”', 'a stunt'), null);
    assert.equal(speakerOf('A campaign ad released Thursday accuses the mayor of “a pattern of sleaze.”', 'a pattern'), 'A campaign ad released Thursday');
  });

  it('a participle after the quote is no inverted attribution; the speaker before the quote is', () => {
    assert.equal(speakerOf('Ann Lee called the plan “a disaster,” saying the town embodied the worst of it.', 'a disaster'), 'Ann Lee');
    assert.equal(speakerOf('The council has “no money left,” said including the reserves.', 'no money'), null);
  });

  it('a verb whose object follows it is no inverted attribution: in “…,” thanked Ann Lee, Lee is thanked', () => {
    const text = 'The film was shown. Kerry Walsh, star of television’s “Harbor,” thanked Ann Lee for “taking these steps.”';
    // (“Harbor,” is a show's title, no quote; its reading as "thanked Ann Lee" had carried to the next quote.)
    assert.equal(speakerOf(text, 'taking these'), null);
    // guard: the verbs that do invert still do.
    assert.equal(speakerOf('“We will vote no,” said Ann Lee, the council’s chair.', 'We will'), 'Ann Lee');
    assert.equal(speakerOf('“Why now?” asked Ann Lee.', 'Why now'), 'Ann Lee');
  });

  it('“which he described as”: the pronoun speaks when no earlier cue of the sentence does', () => {
    const a = parseArticle('f.txt', 'Headline\n\nMayor Tom Ruiz visited the plant. He toured the old server room, which he described as “a museum.”');
    assert.equal(a.text.slice(a.quotes[0].speakerMention!.start, a.quotes[0].speakerMention!.end), 'he');
    assert.equal(a.quotes[0].speaker, 'Tom Ruiz');
  });

  it('found, bragged, referenced are verbs of speech', () => {
    assert.equal(speakerOf('A county audit found “serious gaps” in the records.', 'serious'), 'A county audit');
  });

  it('right after a quote, a person and any past-tense verb ending the sentence attribute it', () => {
    assert.equal(speakerOf('Mayor Ann Lee spoke last. “This is fantastic!” Lee beamed.', 'This is'), 'Ann Lee');
    assert.equal(speakerOf('“This is fantastic!” beamed Ann Lee.', 'This is'), 'Ann Lee');
    // Not a verb that goes on with an object.
    assert.equal(speakerOf('“This is fantastic!” Ann Lee painted the fence.', 'This is'), null);
  });

  it('a participle after an earlier quote of the sentence takes the subject that opens the sentence', () => {
    assert.equal(speakerOf('Mayor Ann Lee gave a spirited defense of “small-town values,” saying the town embodied “grit and heart.”', 'grit'), 'Ann Lee');
    // Not when a cue before it names its speaker: that one, not the sentence's first words.
    assert.equal(speakerOf('The rules are “excessive,” Tom Ruiz of the board said Tuesday, noting that Ann Lee “never read them.”', 'never'), 'Tom Ruiz');
  });

  it('a name opening a relative clause, behind a time phrase, speaks', () => {
    assert.equal(speakerOf('The council blamed Tom Ruiz, whom Ann Lee on Wednesday called “a menace.”', 'a menace'), 'Ann Lee');
  });
  it('with no cue, a named subject opening a plain clause speaks for the quote in it', () => {
    assert.equal(speakerOf('Mayor Ann Lee has pushed for “a fair count” in every district.', 'a fair'), 'Ann Lee');
    assert.equal(speakerOf('Tom Ruiz spoke first. He then turned to “the real problem” of the budget.', 'the real'), 'Tom Ruiz');
    // Not a subject behind an opening phrase that is a point of view, nor across a relative clause.
    assert.equal(speakerOf('To Ann Lee, the mayor is a “steady hand” in hard times.', 'steady'), null);
    assert.equal(speakerOf('Ann Lee opposed the plan, which many see as “a giveaway.”', 'a giveaway'), null);
    // Nor when the sentence ends with its own attribution.
    assert.equal(speakerOf('Ann Lee broke “every rule in the book,” the board says.', 'every rule'), 'the board');
  });
  it('after a quote, a speech noun behind a determiner is the subject of the next verb', () => {
    assert.equal(speakerOf('“We need every vote in the valley,” the email said.', 'We need'), 'the email');
  });

  it('after a quote that opens its sentence, a determiner-led phrase with a plain verb of saying speaks', () => {
    assert.equal(speakerOf('“Vote early, vote often,” a narrator in the video says.', 'Vote early'), 'a narrator');
    // Not after an earlier attribution of the same sentence.
    assert.equal(speakerOf('Tom Ruiz claimed that “the roads are fine,” one of the engineers said.', 'the roads'), 'Tom Ruiz');
  });
  it('a bare quantifier opening its clause is the subject of a plain verb of saying', () => {
    assert.equal(speakerOf('Most voters liked the plan. Yet another said, “It costs too much.”', 'It costs'), 'another');
    assert.equal(speakerOf('One sign read “Slow down.” Another advised, “drive with care.”', 'drive'), null);
  });

  it('a sentence ending in an outer attribution (“…, according to X.”) gives the quote to X', () => {
    assert.equal(speakerOf('“We will not close the mill,” Mayor Ann Lee said, according to the Valley Gazette.', 'We will'), 'Valley Gazette');
    assert.equal(speakerOf('Ann Lee called the plan “a giveaway,” reported the Harbor Courier.', 'a giveaway'), 'Harbor Courier');
    // The next quote of the paragraph goes with it.
    const a = parseArticle('f.txt', 'Headline\n\n“We are ready,” Ann Lee said, according to the Valley Gazette. “And we are hiring.”');
    assert.deepEqual(a.quotes.map((q) => q.speaker), ['Valley Gazette', 'Valley Gazette']);
    // Not when the quote ends its own sentence and another sentence follows.
    assert.equal(speakerOf('Ann Lee asked: “Is the mill open?” The mill is a museum now, according to its owners.', 'Is the mill'), 'Ann Lee');
  });

  it('in the previous quote’s sentence, a verb joined by a conjunction, a participle or “to” shares its speaker', () => {
    assert.equal(speakerOf('Ann Lee says the pumps are “too old” and reminds the board she was the “only one” to object.', 'only one'), 'Ann Lee');
    assert.equal(speakerOf('Tom Ruiz said the levy would pay for “new pumps” and for a warden to counter “the next flood.”', 'the next'), 'Tom Ruiz');
    assert.equal(speakerOf('Ann Lee said the levy was “fair,” later telling the crowd the roads were “falling apart.”', 'falling'), 'Ann Lee');
    // A verb with its own subject is someone else's.
    assert.equal(speakerOf('Ann Lee called the plan “a mess” while critics said it was “a disaster.”', 'a disaster'), 'critics');
  });

  it('later in the sentence the quote ends, “, she said …” attributes it whatever follows the verb', () => {
    assert.equal(speakerOf('Mayor Ann Lee spoke at noon. The pumps were “older than the mill” in most towns, she said in an interview.', 'older'), 'Ann Lee');
    assert.equal(speakerOf('The “excess” is sickening, Tom Ruiz said Tuesday in the valley, noting the cost.', 'excess'), 'Tom Ruiz');
    // Not a description (“, the board said on …”), and not when an attribution before the quote speaks.
    assert.equal(speakerOf('The pumps were “older than the mill” in most towns, the board said on Monday.', 'older'), null);
    assert.equal(speakerOf('Ann Lee said the pumps were “old” in most towns, Tom Ruiz said on Monday.', 'old'), 'Ann Lee');
  });

  it('“…,” read the email / it read / the notice read: the text that says it', () => {
    assert.equal(speakerOf('“Join us on Friday,” read the email.', 'Join us'), 'the email');
    assert.equal(speakerOf('“Join us on Friday,” the notice read.', 'Join us'), 'the notice');
    const a = parseArticle('f.txt', 'Headline\n\nA letter came. “Join us on Friday,” it read.');
    assert.equal(a.text.slice(a.quotes[0].speakerMention!.start, a.quotes[0].speakerMention!.end), 'it');
    // Not "read" as the verb of another clause.
    assert.equal(speakerOf('“Come along with us this weekend,” and voters read the notice twice.', 'Come along'), null);
  });

  it('a sentence ending in “, the lawsuit says.” after a quote inside it: the described text speaks', () => {
    assert.equal(speakerOf('The rules put a “heavy burden” on small farms, which had fewer offices, the lawsuit says.', 'heavy'), 'the lawsuit');
    // Only a plain verb of saying: "the board voted." is no attribution.
    assert.equal(speakerOf('The rules put a “heavy burden” on small farms, which had fewer offices, the board voted.', 'heavy'), null);
  });

  it('a new sentence whose plain clause opens with its own subject takes it, not the carried speaker', () => {
    const a = parseArticle('f.txt', 'Headline\n\nMara Quill, a nurse, says the clinic is “too far away.” She wants the county “to run a bus every weekend.”');
    const q = a.quotes.find((x) => x.text.startsWith('to run'))!;
    assert.equal(a.text.slice(q.speakerMention!.start, q.speakerMention!.end), 'She');
    assert.equal(q.speaker, 'Mara Quill');
  });

  it('a quote ending in ?’ before “Name said.” keeps its attribution in the same sentence', () => {
    assert.equal(speakerOf('Mara Quill recalled the meeting. “He asked us, ‘Why wait?’” Quill said.', 'He asked'), 'Mara Quill');
  });

  it('“…,” the email read: a speech noun after the determiner', () => {
    assert.equal(speakerOf('The campaign wrote to donors. “Give what you can,” the email read.', 'Give'), 'the email');
  });

  it('a quote ending its sentence, then “Name said.” as a sentence of its own', () => {
    assert.equal(speakerOf('Mara Quill spoke at the dock. “We will rebuild the pier.” Quill said.', 'We will'), 'Mara Quill');
    assert.equal(speakerOf('Mara Quill spoke at the dock. “We will rebuild the pier.” Quill said in an interview.', 'We will'), 'Mara Quill');
    // A sentence going on with what was said is no attribution of the quote before it.
    assert.equal(speakerOf('Mara Quill spoke at the dock. “We will rebuild the pier.” Tom Ruiz said the pier was sound.', 'We will'), null);
  });

  it('a phrase describing a person that opens the sentence is the subject of a participle', () => {
    assert.equal(speakerOf('The retired surgeon thanked the nurses, saying the ward was “the cleanest in the county.”', 'the cleanest'), 'the retired surgeon');
    assert.equal(speakerOf('Her campaign manager pressed on, saying the plan was “sound on paper.”', 'sound'), 'Her campaign manager');
    // Not a thing: "The report" is no person.
    assert.equal(speakerOf('The report came out Monday, saying the ward was “the cleanest in the county.”', 'the cleanest'), null);
  });

  it('plural descriptions with “say” / “write” after a quote, and a bare quantifier after the verb', () => {
    assert.equal(speakerOf('The board met twice. “The pumps are too old to repair,” the two write.', 'The pumps'), 'the two');
    assert.equal(speakerOf('The pumps carry “a heavy burden” for small farms, the groups say.', 'a heavy'), 'the groups');
    assert.equal(speakerOf('Fans posted all night. “The pumps are too old to repair,” tweeted another.', 'The pumps'), 'another');
    // Not a quantifier that goes on into a phrase.
    assert.notEqual(speakerOf('Fans posted all night. “The pumps are too old to repair,” tweeted one of the wardens at the dock.', 'The pumps'), 'one');
  });

  it('a paragraph ending in a colon: an “as NAME noted,” clause or a person opening it introduces the next quote', () => {
    assert.equal(speakerOf('As Mara Quill noted, the tide tables printed for the marina were wrong for most of the long dry summer:\n\n“The charts were printed before the dredging.”', 'The charts'), 'Mara Quill');
    assert.equal(speakerOf('Mara Quill spoke at the dock.\n\nShe then listed the repairs the pier still needs:\n\n“New pilings, new rails and a new ramp.”', 'New pilings'), 'Mara Quill');
    // Not when another clause with its own subject follows.
    assert.equal(speakerOf('Mara Quill backed the plan, and the harbor board has the figures:\n\n“Nine boats used the ramp last year.”', 'Nine boats'), null);
    // Not a thing opening the sentence.
    assert.equal(speakerOf('The old pier still needs three repairs:\n\n“New pilings, new rails and a new ramp.”', 'New pilings'), null);
  });

  it('later in the sentence: a titled name and a plain verb of saying', () => {
    assert.equal(speakerOf('The new ramp would be “a lifeline” for the fleet, campaign spokeswoman Mara Quill said after the vote.', 'a lifeline'), 'Mara Quill');
    // Not a name inside another phrase ("critics of …").
    assert.equal(speakerOf('The new ramp would be “a lifeline” for the fleet, but critics of campaign spokeswoman Mara Quill said otherwise.', 'a lifeline'), null);
  });

  it('a quote with no speaker takes that of the next quote of its sentence, attributed after both', () => {
    assert.equal(speakerOf('The ramp was “a lifeline” that gave the fleet a “second season” at the dock, Mara Quill said.', 'a lifeline'), 'Mara Quill');
    // Not across a sentence end, nor past a verb of saying.
    assert.equal(speakerOf('The ramp was “a lifeline.” The fleet got a “second season” at the dock, Mara Quill said.', 'a lifeline'), null);
    assert.equal(speakerOf('The ramp was “a lifeline” for the pier, and warned of a “second season” at the dock, Mara Quill said.', 'a lifeline'), null);
  });

  it('a quote paragraph signed by a dash and a name in the short paragraph below it', () => {
    assert.equal(speakerOf('The claims were checked.\n\n“The pier has never flooded.”\n\n- Mara Quill.\n\nThe pier flooded twice.', 'The pier'), 'Mara Quill');
    assert.equal(speakerOf('The claims were checked.\n\n“The pier has never flooded.”\n\n— Mara Quill, at the dock.', 'The pier'), 'Mara Quill');
    // Not a quote inside a sentence, nor a long line below.
    assert.equal(speakerOf('The claims were checked, and “the pier has never flooded.”\n\n- Mara Quill.', 'the pier'), null);
    assert.equal(speakerOf('The claims were checked.\n\n“The pier has never flooded.”\n\n- Harbor Board Minutes from the long wet winter of the year before last, pages nine to ten.', 'The pier'), null);
  });

  it('a quote paragraph goes on from the previous paragraph’s pronoun, even one not resolved to a name', () => {
    const text = 'Headline\n\n“The tide was early,” she said.\n\n“We lost two boats.”';
    const a = parseArticle('fixture.txt', text);
    const q = a.quotes.find((x) => x.text.startsWith('We lost'));
    assert.ok(q && q.speakerMention);
    assert.equal(text.slice(q.speakerMention.start, q.speakerMention.end), 'she');
  });

  it('a quote paragraph after a paragraph whose last sentence has a person and a verb of saying', () => {
    assert.equal(speakerOf('Mara Quill praised the harbor crew for the rescue.\n\n“They worked all night in the storm.”\n\nThe storm passed.', 'They worked'), 'Mara Quill');
    // Not without a verb of saying, nor a subject that is no person.
    assert.equal(speakerOf('Mara Quill walked along the harbor wall.\n\n“They worked all night in the storm.”', 'They worked'), null);
    assert.equal(speakerOf('The harbor crew worked through the storm.\n\n“They worked all night in the storm.”', 'They worked'), null);
  });
});

// Headlines and list headings written in title case capitalise every word, so a name found there must
// not run on into the verb after it ("Bernie Sanders Says …"). Each fixture failed before the rule; the
// guards keep it from cutting names that only look like title case.
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article';

const people = (text: string): string[] => parseArticle('fixture.txt', text).people.map((p) => p.name).sort();

describe('names in title-case headlines', () => {
  it('a headline verb is not part of the name the headline opens with', () => {
    const text = 'Bernie Sanders Says He Has Already Started Writing His Inaugural Address.\n\nSen. Bernie Sanders says he has already started on the address, writing it by hand.';
    assert.deepEqual(people(text), ['Bernie Sanders']);
  });

  it('the name mid-headline keeps the words the story capitalises ("Rand Paul Scores Direct Hit On Donald Trump")', () => {
    const text = 'Rand Paul Scores Direct Hit On Donald Trump.\n\nSen. Rand Paul went after Donald Trump on trade. Paul said the tariffs would hit farmers, and on a direct question Trump did not answer.';
    assert.deepEqual(people(text), ['Donald Trump', 'Rand Paul']);
  });

  it('a list heading inside a paragraph ("13 Zoe Saldana Asked Men Everywhere To …") and a quoted headline', () => {
    const text =
      'The list.\n\n13 Zoe Saldana Asked Men Everywhere To Rethink Masculinity. Getty. People were surprised when Zoe Saldana said her husband took her name; men everywhere asked why.\n\n' +
      'An email was titled “Speaker Paul Ryan Joins Growing List of Conservatives Rebuking Trump.” Ryan said little, and the list kept growing as conservatives joined.';
    assert.deepEqual(people(text), ['Paul Ryan', 'Zoe Saldana']);
  });

  it('guard: a name only the headline gives keeps its surname when the story never writes it in lower case, and after a middle initial', () => {
    assert.deepEqual(people('Clinton Sides With George W. Bush On Radical Islam.\n\nShe sided with him, she said, on what to call it.'), ['George W. Bush']);
    assert.deepEqual(people('She Joked About It On The Late Show With Stephen Colbert.\n\nShe said she joked about the late show, and laughed.'), ['Stephen Colbert']);
  });

  it('a surname-place word is not taken after a given name the story uses alone ("Hillary Will Be …")', () => {
    const text = 'Trump Son Says The Battle Against Hillary Will Be Unprecedented.\n\nHis son Eric Trump said Hillary would be tough, and that the battle will be long.';
    assert.deepEqual(people(text), ['Eric Trump']);
  });

  it('guard: a list of names after a colon is not a headline, whatever its capitals', () => {
    const text = 'Four senators object: Sens. Joe Manchin (D-WV), Robert Casey Jr. (D-PA), Joe Donnelly (D-IN) and Claire McCaskill (D-MO).\n\nThe four object to the plank, and more may object.';
    assert.deepEqual(people(text), ['Claire McCaskill', 'Joe Donnelly', 'Joe Manchin', 'Robert Casey Jr.']);
  });

  it('guard: a role and name after a quotation ("House Speaker Paul D. Ryan") is not a headline', () => {
    const text = 'In an interview on “Face the Nation,” House Speaker Paul D. Ryan (R-Wis.) said the shootings were a tragedy.';
    assert.deepEqual(people(text), ['Paul D. Ryan']);
  });
});

describe('names in headlines with quotations, colons and possessives', () => {
  it('a headline paragraph is title case as a whole, across its quotation marks and colon', () => {
    const text = 'Jeff Sessions, Rudy Giuliani Wear ‘Make Mexico Great Again Also’ Hats at Rally.\n\nSen. Jeff Sessions and Rudy Giuliani wore the hats, which the campaign sold at the rally.';
    assert.deepEqual(people(text), ['Jeff Sessions', 'Rudy Giuliani']);
    const colon = 'Carly Fiorina Endorses Ted Cruz: I Am Horrified By Donald Trump.\n\nCarly Fiorina said she was horrified by Donald Trump and endorsed Ted Cruz, and she am… she is sure.';
    assert.deepEqual(people(colon), ['Carly Fiorina', 'Donald Trump', 'Ted Cruz']);
  });

  it('guard: a possessive does not end the stretch ("Announces Bill Revoking Hillary’s Security Clearance")', () => {
    const text = 'GOP Rep McCaul Announces Bill Revoking Hillary’s Security Clearance.\n\nThe bill, revoking the security clearance of Hillary Clinton, was announced by McCaul.';
    assert.deepEqual(people(text), ['Hillary Clinton']);
  });
});

describe('words that look like names and are not', () => {
  const body = (s: string): string[] => people('Headline\n\n' + s);

  it('a name made a modifier by a hyphen ("Clinton-era", "Co-anchor") is not part of a name; "Ban Ki-moon" is', () => {
    assert.deepEqual(body('Allies of Jeb Bush-spent money on ads. Co-anchor Norah O’Donnell asked about it.'), ['Norah O’Donnell']);
    assert.deepEqual(body('Ban Ki-moon, the U.N. secretary general, said the talks would go on.'), ['Ban Ki-moon']);
  });

  it('words a web page ran together ("Sam LevineFlagShareLikeReplyAni Vrabel") are no name; McDonald, VandeHei are', () => {
    assert.deepEqual(body('Posted by Sam LevineFlagShareLikeReplyAni Vrabel yesterday.'), []);
    assert.deepEqual(body('Editor Jim VandeHei and Bob McDonald said it was over.'), ['Bob McDonald', 'Jim VandeHei']);
  });

  it('a name does not end in an initial', () => {
    assert.deepEqual(body('The letter came from Richard H. in Ohio.'), []);
  });

  it('nor in a lone capital letter ("Alicia M" in a post)', () => {
    assert.deepEqual(body('He wrote that Alicia M was a disaster.'), []);
    // guard: an initial without its period inside a name is kept.
    assert.deepEqual(body('The letter came from John F Kennedy in Boston.'), ['John F Kennedy']);
  });
});

describe('headline paragraphs whose stretches are short', () => {
  it('a headline cut by a colon and quotation marks into short stretches is still in title case as a whole', () => {
    const text = 'Elizabeth Warren: Donald Trump Is a ‘Proven Failure’ in Business.\n\nSen. Elizabeth Warren said Donald Trump is a failure in business, and she said it is proven.';
    assert.deepEqual(people(text), ['Donald Trump', 'Elizabeth Warren']);
  });

  it('in a headline "He Did" is a pronoun and a verb, not a surname-first name', () => {
    const text = 'Brooks: Rubio Did Well In ‘More Rubio-Style Debate,’ Than He Did Going ‘In the Gutter.’\n\nDavid Brooks said Marco Rubio did well, better than he did before.';
    assert.deepEqual(people(text), ['David Brooks', 'Marco Rubio']);
  });

  it('a sentence’s opening "Yet" or "Like" is no given name', () => {
    const text = 'The court is overloaded. Yet Crenshaw, who was cleared by the committee, waited.';
    assert.deepEqual(people('Headline\n\n' + text), []);
  });
});

describe('headline-only variants of a person the story names', () => {
  it('a headline name whose given name the story gives someone with another surname is not a person', () => {
    const text = 'Blumenthal: No Idea If I Would Have Told Hillary Private Server Was a Bad Idea.\n\nSidney Blumenthal said he had no idea whether he would have told Hillary Clinton the server was a bad idea.';
    assert.deepEqual(people(text), ['Hillary Clinton', 'Sidney Blumenthal']);
  });

  it('a long paragraph of capitalised names is a list, not a headline', () => {
    const names = 'Andrew Collins, Barry Wynn, Bob McAlister, Catherine Templeton, David Wilkins, Donna Hicks, Ed McMullen, James Smith, Jim Hodges, Joe Erwin, Matt Moore, Phil Noble, Scott Farmer';
    const text = `The insiders.\n\nSouth Carolina: ${names}.\n\nThe panel, the organizers said, is no gathering of hicks.`;
    const found = people(text);
    for (const n of ['Catherine Templeton', 'Donna Hicks', 'Matt Moore', 'Phil Noble']) assert.ok(found.includes(n), `${n} in ${found.join(', ')}`);
  });
});

describe('a headline verb or adverb after a name, where the headline is not read as title case', () => {
  it('is not part of the name ("Mike Pence Calls for …", "St. Paul Votes to …", "Donald Trump Finally Endorses …")', () => {
    assert.deepEqual(people('Mike Pence Calls for Special Prosecutor\n\nIndiana Gov. Mike Pence wants one.'), ['Mike Pence']);
    assert.deepEqual(people('St. Paul Votes to Condemn the Plan\n\nThe council met.'), []);
    const text = 'Donald Trump Finally Endorses House Speaker Paul Ryan\n\nTrump backed him on Friday.';
    assert.deepEqual(people(text), ['Donald Trump', 'Paul Ryan']);
    assert.deepEqual(parseArticle('fixture.txt', text).people.find((p) => p.name === 'Paul Ryan')?.titles, ['House Speaker']);
  });

  it('guard: a surname ending like an adverb after Mc or Mac stays ("Kevin McNally")', () => {
    assert.deepEqual(people('Kevin McNally said the port would reopen.'), ['Kevin McNally']);
  });
});

// People whose given name the lexicon does not know are found only with evidence that the words name a
// person. Each fixture fails without its rule; the guards keep the rule from reaching too far.
import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article';
import { speakerOf } from './attributionFixture';

const peopleIn = (text: string): string[] => parseArticle('fixture.txt', 'Headline\n\n' + text).people.map((p) => p.name);

describe('names the lexicon does not know', () => {
  it('a name set off after a role ("chief executive, Priya Natarajan, said") is a person and the speaker', () => {
    const text = 'Regulators approved the merger. The company’s chief executive, Priya Natarajan, said the deal was “good for everyone.”';
    assert.deepEqual(peopleIn(text), ['Priya Natarajan']);
    assert.equal(speakerOf(text, 'good for everyone'), 'Priya Natarajan');
  });

  it('guard: a place after a role and a comma, going on with more words, is not a person', () => {
    const text = 'For the chief executive, Grand Rapids offices were “a bargain,” the filing said.';
    assert.deepEqual(peopleIn(text), []);
  });

  it('guard: words after a comma that follows no role word are not a person', () => {
    const text = 'After the vote, Harbor Point residents said the levy was “a fair price.”';
    assert.deepEqual(peopleIn(text), []);
  });
});

describe('names the lexicon does not know: what the appositive after them says', () => {
  it('an appositive headed by a noun of a thing names no one ("Harmony Enterprises, a second business")', () => {
    assert.deepEqual(peopleIn('The owners also run Harmony Enterprises, a second business at the same address.'), []);
    assert.deepEqual(peopleIn('Democrats vowed to repeal the Hyde Amendment, a longstanding federal provision.'), []);
    assert.deepEqual(peopleIn('China claims Scarborough Shoal, an outcrop in the disputed sea.'), []);
  });

  it('guard: an appositive headed by a noun of a person names one, past an abbreviation and a name with "and" in it', () => {
    assert.deepEqual(peopleIn('Al-Awlaki extols Nidal Hasan, the former U.S. Army psychiatrist who killed 13 people.'), ['Nidal Hasan']);
    assert.deepEqual(peopleIn('The order came from Gil Kerlikowske, the United States Customs and Border Protection commissioner.'), ['Gil Kerlikowske']);
    assert.deepEqual(peopleIn('“We are ready,” said Raynard Jackson, a black Republican campaign consultant.'), ['Raynard Jackson']);
  });

  it('an age is a person’s, a number before a capitalised word is not ("Dirty Dancing, 98 Degrees")', () => {
    assert.deepEqual(peopleIn('Among those hurt was Sahar Khoga, 52, a teacher.'), ['Sahar Khoga']);
    assert.deepEqual(peopleIn('Her walls are covered with Dirty Dancing, 98 Degrees and boy band posters.'), []);
  });

  it('a phrase between commas before a verb of saying names a person, unless it names a body ("a labor group, found")', () => {
    assert.deepEqual(peopleIn('Mara Quill, the harbor pilot, said the pier would reopen.'), ['Mara Quill']);
    assert.deepEqual(peopleIn('Working America, a labor-affiliated group, found that voters were split.'), []);
  });

  it('a name opened by "the" and followed by a verb of saying is a newspaper’s, and a capitalised word no name has opens a thing’s', () => {
    assert.deepEqual(peopleIn('The movement plans a protest, the Chicago Sun-Times reported.'), []);
    assert.deepEqual(peopleIn('Security was tightened, prompting Black Lives Matter, the parade’s grand marshal, to withdraw.'), []);
    assert.deepEqual(peopleIn('Tenney will face Democrat Kim Myers, who owns a store.'), ['Kim Myers']);
  });

  it('a sentence’s opening adverb is no given name ("Interestingly Blocher, a wealthy industrialist")', () => {
    assert.deepEqual(peopleIn('Interestingly Blocher, a wealthy industrialist, became the voice of the rural party.'), []);
  });
});

describe('names introduced with "named"', () => {
  it('"a worker named Antonio Arroyo" is a person, and the place before "a worker named" is not', () => {
    const text = 'Outside the plant in the suburb of Santa Catarina, a worker named Antonio Arroyo has nothing but praise for his job. “The atmosphere is relaxed,” he said.';
    assert.deepEqual(peopleIn(text), ['Antonio Arroyo']);
    assert.equal(speakerOf(text, 'The atmosphere'), 'Antonio Arroyo');
  });

  it('guard: a ship named for someone is not a person', () => {
    assert.deepEqual(peopleIn('They sailed on a ship named Sea Breeze, the fleet said.'), []);
  });
});

describe('names, places and shows', () => {
  it('a role with no article after the name is an appositive too ("Yukiya Amano, director general of …")', () => {
    assert.deepEqual(peopleIn('Yukiya Amano, director general of the International Atomic Energy Agency, said the test broke the rules.'), ['Yukiya Amano']);
  });

  it('a compass point opens a place, not a name ("North Korea said"; "Ted Cruz South Carolina chairman")', () => {
    assert.deepEqual(peopleIn('North Korea said the test was a success.'), []);
    assert.deepEqual(peopleIn('The rally for Ted Cruz South Carolina volunteers was full.'), ['Ted Cruz']);
  });

  it('a show, an act, a forum or a sea after a name is not part of it', () => {
    assert.deepEqual(peopleIn('She told The Rachel Maddow Show on Monday that it would pass.'), ['Rachel Maddow']);
    assert.deepEqual(peopleIn('The Foreign Agents Registration Act, the law said, applies.'), []);
  });
});

describe('names the lexicon does not know: a noun of a person before them, a title before a show', () => {
  it('a noun of a person opening the words is what the person is ("Actor Clint Howard admits")', () => {
    const text = 'Actor Quill Marlowe admits his choice for mayor is “not the most handsome man in the field.”';
    assert.deepEqual(peopleIn(text), ['Quill Marlowe']);
    assert.equal(speakerOf(text, 'not the most handsome'), 'Quill Marlowe');
  });

  it('guard: after a determiner it opens the name of a thing ("the Teacher Retirement System")', () => {
    assert.deepEqual(peopleIn('Investors include pension funds like the Teacher Retirement System of Texas.'), []);
  });

  it('a show’s “File” is not a surname ("on The Kelly File", "tonight’s Kelly File")', () => {
    assert.deepEqual(peopleIn('Megyn Kelly said she would discuss the race on Fox News’ The Kelly File that night.'), ['Megyn Kelly']);
    assert.deepEqual(peopleIn('Megyn Kelly will reveal the results on tonight’s Kelly File at 9 p.m.'), ['Megyn Kelly']);
  });
});

describe('names the lexicon does not know: part of a longer proper name', () => {
  it('words after "of", "on" or "for" that follow a capitalised word, or after another capitalised word, name a thing', () => {
    assert.deepEqual(peopleIn('The Commission on Presidential Debates said the rules were “final.”'), []);
    assert.deepEqual(peopleIn('The Office of Professional Responsibility, the agency’s watchdog, said it would look.'), []);
    assert.deepEqual(peopleIn('Ruiz’s group, Harbor Growth Action, said it had raised “a record sum.”'), []);
  });

  it('after a sentence’s opening word, an initial or another name word, it is still a person, initials and suffixes not counted among its three words', () => {
    assert.deepEqual(peopleIn('But Asa Kalif, an organizer with the group, said it was “a start.”'), ['Asa Kalif']);
    assert.deepEqual(peopleIn('He was beaten in 2010 by Morrow J. Brook Jr., who said he was “ready.”'), ['Morrow J. Brook Jr.']);
  });
});

describe('names the lexicon does not know: a sentence’s opening word', () => {
  it('an indefinite pronoun, or a participle the story writes in lower case, is no given name', () => {
    assert.deepEqual(peopleIn('Donald Trump spoke. Everything Trump says is false, Ruiz said.'), ['Donald Trump']);
    assert.deepEqual(peopleIn('Donald Trump spoke. Watching Trump talk on Tuesday, Ruiz said “no.” Voters were watching too.'), ['Donald Trump']);
  });

  it('guard: a given name ending in -ing that the story never writes in lower case stays one', () => {
    assert.deepEqual(peopleIn('Channing Tatumo, the actor, said the film was “done.”'), ['Channing Tatumo']);
  });
});

describe('names the lexicon does not know: an appositive after a possessive', () => {
  it('a possessive determines the appositive as an article does ("Marlon Marsh, Clinton’s director of …")', () => {
    const text = 'Marlon Marsh, Clinton’s director of state campaigns, said the campaign takes nothing for granted. “I don’t believe in firewalls,” Marsh said.';
    assert.deepEqual(peopleIn(text), ['Marlon Marsh']);
    assert.equal(speakerOf(text, 'I don’t believe'), 'Marlon Marsh');
  });

  it('guard: a possessive inside the appositive is no head ("his son’s high school track team"), and a saint’s place is no person', () => {
    assert.deepEqual(peopleIn('He cheered for the Lewisburg Green Dragons, his son’s high school track team, every spring.'), []);
    assert.deepEqual(peopleIn('St. Louis, Ferguson’s metro city neighbor, was No. 19 on the list.'), []);
  });
});

describe('role words that are common surnames', () => {
  it('after a known given name, King, Dean, Judge … are surnames (Steve King, Howard Dean, Peter T. King)', () => {
    assert.deepEqual(peopleIn('Rep. Steve King said the plan was “bad.” King left.'), ['Steve King']);
    assert.equal(speakerOf('Former Vermont governor Howard Dean said it was “fine.”', 'fine'), 'Howard Dean');
    assert.equal(speakerOf('Representative Peter T. King of New York said it was “fine.”', 'fine'), 'Peter T. King');
  });

  it('a colour right after a known given name and its initials is a surname (Richard H. Black), not further on', () => {
    assert.deepEqual(peopleIn('State Sen. Richard H. Black said the party “wants him to lose.”'), ['Richard H. Black']);
    assert.deepEqual(peopleIn('Amy Pope, the deputy adviser, said it was “fine.”'), ['Amy Pope']);
    assert.deepEqual(peopleIn('Michelle Obama Black History Month remarks were praised.'), ['Michelle Obama']);
  });

  it('guard: a role word before a name is still a title', () => {
    assert.deepEqual(peopleIn('Judge Ana Ruiz said the ruling was “final.”'), ['Ana Ruiz']);
  });
});

describe('given names the lexicon knows', () => {
  it('knows Brad, Charlie, Tad, Stu, Brent, Billie, Alicia and Audrey; not a weekly named Charlie', () => {
    assert.deepEqual(peopleIn('“It is fine,” said Charlie Black. Brad Sherman, Tad Devine and Billie Jean King agreed. Charlie Hebdo printed it.'), ['Charlie Black', 'Brad Sherman', 'Tad Devine', 'Billie Jean King']);
  });

  it('a given name opening an organisation’s name is no person: Al Jazeera, Citizens United, Agence France-Presse; nor a public radio', () => {
    assert.deepEqual(peopleIn('Al Gore sold the network to Al Jazeera. Ann Lee fought Citizens United. A reporter for Agence France-Presse called it “chaos.”'), ['Al Gore', 'Ann Lee']);
    assert.deepEqual(peopleIn('The debate was over.\n\nNew Hampshire Public Radio asked Ann Lee Friday how the “average person should view the fees?”'), ['Ann Lee']);
  });

  it('knows Simon, Ari, Sherrod, Tina, Penny, Cecile and Felicia', () => {
    assert.deepEqual(peopleIn('“It was offensive,” said Ari Fleischer. Tina Tchen and Felicia Sanders agreed, as did Sherrod Brown.'), ['Ari Fleischer', 'Tina Tchen', 'Felicia Sanders', 'Sherrod Brown']);
  });
});

describe('contractions', () => {
  it('a contraction is no surname ("Hillary Can’t Escape …", "Donald Won’t Quit")', () => {
    assert.deepEqual(peopleIn('The harbor board met. Why Hillary Can’t Escape the Question was the paper’s front page, and Donald Won\'t Quit its second.'), []);
  });
});

describe('names inside the names of places and bodies', () => {
  const read = (text: string) => parseArticle('fixture.txt', 'Headline\n\n' + text);
  const mentionsOf = (text: string, name: string): string[] => {
    const a = read(text);
    return (a.people.find((p) => p.name === name)?.mentions ?? []).map((m) => a.text.slice(m.start, m.end));
  };

  it('a name only met in a university, center or society named after someone is no person', () => {
    assert.deepEqual(peopleIn('Ann Lee studied at George Washington University and worked at the Woodrow Wilson Center before the John Birch Society hired her.'), ['Ann Lee']);
    assert.deepEqual(peopleIn('Billy Casper Golf, which manages 150 courses, agreed. Ann Lee runs one of them.'), ['Ann Lee']);
    assert.deepEqual(peopleIn('Ann Lee licensed the line to Marc Fisher Footwear and sold a film to Yahoo Studios.'), ['Ann Lee']);
    assert.deepEqual(peopleIn('The mines of Walter Energy were sold. Ann Lee, a lawyer for Walter Energy, said so.'), ['Ann Lee']);
    // A given name that is a place too, written alone elsewhere, is the place: no rescue.
    assert.deepEqual(peopleIn('Ann Lee spoke at the Northern Virginia Urban League. Virginia votes in June.'), ['Ann Lee']);
  });

  it('and its surname is no one’s mention ("the Peter Wilson Center" does not make "Wilson" Tom Wilson)', () => {
    assert.deepEqual(mentionsOf('Tom Wilson spoke. Later he visited the Peter Wilson Center, where Wilson was cheered.', 'Tom Wilson'), ['Tom Wilson', 'Wilson']);
  });

  it('guard: a person met elsewhere keeps the mention inside the body’s name', () => {
    assert.deepEqual(mentionsOf('Eric Trump runs a charity. The Eric Trump Foundation gave $100.', 'Eric Trump'), ['Eric Trump', 'Eric Trump']);
  });

  it('guard: a person the story also calls by the given name stays a person; a show named for its host names the host', () => {
    assert.deepEqual(peopleIn('Bill Cosby gave to the Bill and Hillary Clinton Foundation. Others wonder how it could affect Hillary’s run.'), ['Bill Cosby', 'Hillary Clinton']);
    assert.deepEqual(peopleIn('She said on The Rachel Maddow Show that it was over.'), ['Rachel Maddow']);
  });

  it('a given name that is a place too, alone, is the place, not the one person of that given name', () => {
    assert.deepEqual(mentionsOf('Virginia Foxx spoke. Virginia voted on Tuesday.', 'Virginia Foxx'), ['Virginia Foxx']);
    // guard: another given name alone is still the person's.
    assert.deepEqual(mentionsOf('Chelsea Clinton spoke. Chelsea then left.', 'Chelsea Clinton'), ['Chelsea Clinton', 'Chelsea']);
  });
});

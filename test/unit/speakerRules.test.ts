// Speaker attribution rules (speaker precision and recall on PolNeAR train), each on a short made-up fixture.
import * as assert from 'node:assert/strict';
import { attributionOf, mentionOf, speakerOf } from './attributionFixture';

describe('speaker rules', () => {
  describe('phrases that are no speaker', () => {
    it('“…, said X” ends the sentence, not a clause running on to the next quote', () => {
      assert.equal(mentionOf('Ann Lee, the author of “Harbor Days,” about the fishing town, said the years when the fleet had “a common purpose” are over.', 'Harbor Days'), null);
    });

    it('a phrase after the quote never ends in an article', () => {
      assert.notEqual(mentionOf('Tom Ruiz calls the plan “a mess,” Ann Lee seized upon the reference in her reply.', 'a mess'), 'Ann Lee seized upon the');
      assert.equal(speakerOf('Tom Ruiz calls the plan “a mess,” Ann Lee seized upon the reference in her reply.', 'a mess'), 'Tom Ruiz');
    });

    it('a phrase after the quote opening with a preposition or a participle, or leading to a pronoun, is no speaker', () => {
      assert.equal(mentionOf('The board called her claim of “a fair deal” over her recovered emails “very troubling.”', 'a fair deal'), 'The board');
      assert.equal(speakerOf('Tom Ruiz said he opposed the bill because “it goes too far,” including provisions he said would hurt farmers.', 'it goes'), 'Tom Ruiz');
    });

    it('after the quote, a transitive verb and its object before "as" are no inverted attribution', () => {
      assert.notEqual(mentionOf('Tom Ruiz, who says the repairs cost “a fortune,” described the delay as “maddening.”', 'a fortune'), 'the delay');
    });

    it('"so called" is "so-called", no verb of saying', () => {
      assert.equal(mentionOf('The so called “harbor tax” was approved by the council on Monday.', 'harbor tax'), null);
      assert.equal(mentionOf('The so called reform drew “loud protests” from the harbor crews.', 'loud protests'), null);
    });

    it('a phrase right after a preposition is not the subject of the verb after it', () => {
      assert.equal(mentionOf('The mayor first said she had not seen the report, but in a later interview said she had “read every page.”', 'read every'), 'The mayor');
    });

    it('a share of a group in a poll is no speaker', () => {
      assert.equal(mentionOf('In the new survey, 61 percent of voters said the pier was “a waste of money.”', 'a waste'), null);
    });

    it('"the following statement" is not who issued it', () => {
      assert.equal(speakerOf('Mayor Ann Lee issued the following statement:\n\n“We will rebuild the pier and the fish market before the summer.”', 'We will'), 'Ann Lee');
    });

    it('a question its sentence introduces does not take the next sentence’s subject', () => {
      assert.equal(speakerOf('Ann Lee responded: “Why now, after all these years?” Her critics cited it as proof of her indifference.', 'Why now'), 'Ann Lee');
    });

    it('a quote inside a subordinate clause opening the sentence is not the main clause’s', () => {
      assert.equal(mentionOf('When Ann Lee used the phrase “a new start,” she was echoing Tom Ruiz, who coined it.', 'a new start'), null);
      assert.equal(mentionOf('When a heckler shouted, “Liar,” Tom Ruiz joked, “Not today.”', 'Liar'), 'a heckler');
      // The main clause's verb ending the sentence still attributes the quote.
      assert.equal(speakerOf('If the bill passes, “we will all pay more for the ferry,” Ann Lee said.', 'we will all'), 'Ann Lee');
    });

    it('a verb in a subordinate clause opening the sentence does not reach past the main clause', () => {
      assert.equal(speakerOf('After Tom Ruiz criticized the plan at the meeting, Ann Lee shot back, “I suppose I could have stayed home.”', 'I suppose'), 'Ann Lee');
    });

    it('a name modifying a noun is not the subject opening the sentence', () => {
      assert.equal(mentionOf('Tom Ruiz lost the vote.\n\nRuiz backers stood quietly and watched the screens, where her supporters were shown chanting “Lee! Lee!”', 'Lee! Lee'), null);
      assert.equal(speakerOf('Ann Lee won the vote.\n\nLee campaign spokesman Tom Ruiz pushed back on Monday, saying the count was “fair and complete.”', 'fair and'), 'Tom Ruiz');
    });

    it('a name given to a subject ("The candidate labeled “…”") is not said by it', () => {
      assert.equal(mentionOf('The candidate labeled “a fighter for the harbor” still leads the race for mayor.', 'a fighter'), null);
    });

    it('a relative "who" speaks only within its clause', () => {
      const text = 'Ann Lee, who has in the past described the pier as “a death trap” and “an eyesore,” clearly wanted the crowd to “remember the vote.”';
      assert.equal(mentionOf(text, 'remember'), null);
    });
  });

  describe('subjects found', () => {
    it('a verb joined by "but" shares the sentence’s subject', () => {
      assert.equal(speakerOf('Sen. Ann Lee met the board after a lunch on Tuesday, but called the plan a “starting point for the talks.”', 'starting point'), 'Ann Lee');
    });

    it('a describing subject of a relative "which" clause that says the quote', () => {
      assert.equal(mentionOf('Ann Lee attacked the plan, which an independent review said was “badly flawed” in several ways.', 'badly flawed'), 'an independent review');
    });

    it('an auxiliary and a time phrase between a relative "who" and its verb', () => {
      assert.deepEqual(attributionOf('Ann Lee, who has in the past described the pier as “a death trap” and “an eyesore,” clearly wanted the crowd to “remember the vote.”', 'a death trap'), { speaker: 'Ann Lee', mention: 'who' });
    });

    it('a time phrase ending in "ago" between the subject and the verb', () => {
      assert.equal(mentionOf('The harbor board less than two weeks ago said the pier was “unsafe for crowds.”', 'unsafe'), 'The harbor board');
    });

    it('a possessive description word before the subject', () => {
      assert.equal(mentionOf('The campaign’s statement then declares that “the matter is closed.”', 'the matter'), 'The campaign’s statement');
    });

    it('a discourse adverb set off by commas between subject and verb', () => {
      assert.equal(mentionOf('The two lawmakers, however, argue that the rules are “out of date.”', 'out of date'), 'two lawmakers');
      assert.equal(mentionOf('The harbor board, once again, pledged a “full review of the pier.”', 'full review'), 'The harbor board');
    });

    it('a title as the head of a describing subject', () => {
      assert.equal(speakerOf('In March, the prince called for a recount, calling the result “a disgrace.”', 'a disgrace'), 'the prince');
    });

    it('a relative "who" after a name and its appositive, or after a describing phrase', () => {
      assert.deepEqual(attributionOf('The plan drew praise from Tom Ruiz, the harbor master, who called it “long overdue.”', 'long overdue'), { speaker: 'Tom Ruiz', mention: 'who' });
      assert.deepEqual(attributionOf('The deal was welcomed by the city’s mayor, who said it was “a good start.”', 'a good start'), { speaker: 'the city’s mayor', mention: 'who' });
    });

    it('a describing phrase before a "who" clause and the verb', () => {
      assert.equal(mentionOf('A harbor official, who spoke on condition of anonymity, said the pier was “in bad shape.”', 'in bad shape'), 'A harbor official');
    });

    it('an inverted verb of saying and a name before the quote', () => {
      assert.equal(speakerOf('Said Ann Lee, who runs the bakery, “We never close before the boats come in.”', 'We never'), 'Ann Lee');
      assert.equal(speakerOf('The boats left at dawn, explained Tom Ruiz, “because the tide comes first.”', 'because the tide'), 'Tom Ruiz');
    });

    it('an inverted verb after the quote and a name followed by where the person is from', () => {
      assert.equal(speakerOf('“This is wonderful!” beamed Ann Lee of Dover, who came for the parade.', 'This is'), 'Ann Lee');
    });

    it('a text that reads the quote right before it', () => {
      assert.equal(mentionOf('Planes flew over the stadium.\n\nOne banner read “Go home, Tom,” and the crowd cheered.', 'Go home'), 'One banner');
    });

    it('a paragraph of nothing but a quote after a long one-sentence attribution goes on from it', () => {
      const text =
        'Ann Lee met the crew on Monday.\n\n“We like most of the plans, some more than others,” Lee said during the visit to the dock, the town’s oldest pier, ahead of the formal opening of the new fish market in the old warehouse.\n\n“It changes every day. I read in the paper that the board wants a vote.”';
      assert.equal(speakerOf(text, 'It changes'), 'Ann Lee');
    });

    it('a verb joined to the previous quote of its sentence shares its speaker', () => {
      // After a quote ending in "!" the sentence goes on; "continue “to …”" is no verb of saying.
      assert.equal(speakerOf('Ann Lee said she declared “What a day!” and said that the town would continue “to fight for the pier” across the county.', 'to fight'), 'Ann Lee');
      // The comma inside the closing mark (“…,” adding, “…”) joins the participle too.
      assert.equal(mentionOf('The Harbor Board said that Tom Ruiz “had a terrible plan for the pier,” adding, “He lost every vote on the council.”', 'He lost'), 'The Harbor Board');
      // Not the pronoun of a relative clause naming the previous quote.
      assert.equal(mentionOf('In his videos, Tom Ruiz wears a suit in a series he calls “Harbor Watch,” pointing to the old boats and telling viewers that the pier is “falling apart.”', 'falling apart'), null);
    });

    it('the writer’s “I” speaks, with no name, and only within its sentence', () => {
      assert.deepEqual(attributionOf('The mayor met me at the dock.\n\n“The pier is late,” I said, “and the money is gone.”', 'The pier'), { speaker: null, mention: 'I' });
      assert.equal(mentionOf('The mayor met me at the dock.\n\n“The pier is late,” I said. When I turned to leave, the mayor stopped me. “Not so fast.”', 'Not so'), null);
    });

    it('a quote running on over paragraphs goes on from its first paragraph, whatever quotes it holds', () => {
      const text =
        'Ann Lee said in a statement:\n\n"The harbor needs a “working pier” again. It has waited for years while the council argued about the money, the contractors, the design and who would pay for the new lights and benches.\n\n"We will begin the repairs in May and finish them by the fall."';
      assert.equal(speakerOf(text, 'We will begin'), 'Ann Lee');
    });
  });
});

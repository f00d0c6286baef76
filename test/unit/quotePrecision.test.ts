import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article';

// Marks around words nobody in the story is said to have said (quoteFilter's notReported).
// Invented sentences and names only.
const quotesOf = (text: string): string[] => parseArticle('fixture.txt', text).quotes.map((q) => q.text);

describe('quote filter: marks that set off no reported words', () => {
  it('drops a show named as where someone spoke, keeps what was said there', () => {
    assert.deepEqual(quotesOf('“The ferry will run all winter,” Dana Holt said Sunday on Channel Nine’s “Harbor Morning.”\n'), ['The ferry will run all winter,']);
    assert.deepEqual(quotesOf('“We need two more boats,” the captain told “Island Today,” adding that crews were tired.\n'), ['We need two more boats,']);
    assert.deepEqual(quotesOf('“The crossing was never safe,” Ines Marlow wrote in her memoir, “Salt and Tide.”\n'), ['The crossing was never safe,']);
    // Spoken by telephone (or phone, video, satellite) on the show.
    assert.deepEqual(quotesOf('Ms. Holt took on the mayor on Sunday.\n\n“It is nonsense,” Ms. Holt said by telephone on KTV’s “Meet the Harbor.” “She lies,” she added.\n'), ['It is nonsense,', 'She lies,']);
    // Not a venue: the title-case words are what the mayor called the plan.
    assert.deepEqual(quotesOf('The mayor said the plan was “Ferries First” and would pass in May.\n'), ['Ferries First']);
  });

  it('drops a linked excerpt with its web address after it', () => {
    const text = 'NEWS FROM THE COAST\n\nFERRIES — by the Gazette’s Ana Ruiz: “The island’s ferry will charge more from April on, and crews expect longer lines at the pier.” http://example.com/ferry\n';
    assert.deepEqual(quotesOf(text), []);
    // A headline cited with the site that ran it.
    assert.deepEqual(quotesOf('I agree with the editors (“Ferry fares climb again, riders say,” IslandNews.com, Monday).\n'), []);
  });

  it('drops a poster or work cited with its year in brackets', () => {
    assert.deepEqual(quotesOf('The party’s posters over the years: “Safe streets for every island family” (2011) — “Our harbor, our rules, our future” (2014).\n'), []);
  });

  it('drops the label of a button to click', () => {
    assert.deepEqual(quotesOf('Want the harbor report by email? Enter your address and click “sign up now.” That is all.\n'), []);
  });

  it('drops words inside an embedded post, keeps the post quoted with a verb of saying', () => {
    assert.deepEqual(quotesOf('The pier was packed.\n\n<tweet author="@harborwatch">Crowds wearing “Ferry Forever” shirts at the pier tonight. Wow.</tweet>\n'), []);
    assert.deepEqual(quotesOf('<tweet author="@harborwatch">The captain just said “we will sail at dawn” to the crowd.</tweet>\n'), ['we will sail at dawn']);
  });
});

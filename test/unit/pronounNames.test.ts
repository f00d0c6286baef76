// Which name a "he said"/"she said" resolves to is what the reporter sees next to the quote, and the
// scorer cannot see it (it checks the pronoun's place). Each fixture names the wrong person, or no one,
// without its rule.
import * as assert from 'node:assert/strict';
import { speakerOf } from './attributionFixture';

describe('the name a pronoun speaker resolves to', () => {
  it('a person named inside the quotes since the last speaker does not take the pronoun from them', () => {
    const text =
      'Vice President Joe Biden campaigned in Scranton.\n\n' +
      'The remarks imperiled the troops, Biden said. “Ladies and gentlemen, does he have any idea? Donald Trump is already making our country less safe,” he said.';
    assert.equal(speakerOf(text, 'Ladies and gentlemen'), 'Joe Biden');
  });

  it('a person named only inside a quote is not the one compatible candidate ("“Hillary Clinton was here,” Sheppard said … she added")', () => {
    const text = 'The survivor spoke at the convention.\n\n“Hillary Clinton was in South Carolina the day after,” Sheppard said. “She talked about the hatred.”\n\n“Together, we can heal,” she added.';
    assert.equal(speakerOf(text, 'Together, we can heal'), null);
  });

  it('a speaker named only with an honorific ("Mr. Obama") is who the next "he continued" is', () => {
    const text =
      'Donald J. Trump spoke on Thursday. “America is already great,” he said.\n\n' +
      '“You can read about it, but until you have sat at that desk, you do not know,” Mr. Obama said. He continued, “Even in the midst of crisis, she listens.”';
    assert.equal(speakerOf(text, 'Even in the midst'), 'Mr. Obama');
  });

  it('a name after a pronoun in the same clause is someone else ("He said that Trump needs …"), so not the pronoun’s', () => {
    const text =
      'It was a partial reversal for the Wisconsin Republican, who had pledged to support the nominee. He said on Thursday that Donald Trump needs to do more work.\n\n' +
      '“I think a lot of Republicans want to see a standard-bearer that bears our standards,” he said.';
    assert.equal(speakerOf(text, 'I think a lot'), null);
  });

  it('a pronoun is not the person its own clause goes on to name ("he accused Mr. Trump of …")', () => {
    const text =
      'Donald J. Trump spoke in Ohio. “I have made sacrifices,” he said.\n\n' +
      'The father of a fallen soldier said on Sunday that the candidate had shown disrespect, and he accused Mr. Trump of running a campaign “of hatred, of derision.”';
    assert.equal(speakerOf(text, 'of hatred'), null);
  });

  it('a surname two people share goes to the one a following he/she can be ("Clinton said. … she continued")', () => {
    const text =
      'Hillary Clinton spoke to the hosts on Friday.\n\n' +
      'Clinton and her husband, former President Bill Clinton, attended the wedding in 2005.\n\n' +
      '“I think it has been most surprising to me,” Clinton said. “Some of the comments he has made are divisive.”\n\n' +
      '“It is going to be interesting to see,” she continued.';
    assert.equal(speakerOf(text, 'I think it has been'), 'Hillary Clinton');
    assert.equal(speakerOf(text, 'It is going to be'), 'Hillary Clinton');
  });

  it('a possessor is the one compatible person only when no one is named otherwise', () => {
    const praised = 'The ambassador has an admirer in Peter Westmacott. Westmacott praised President Barack Obama’s record on Saturday.\n\n“I think the legacy does not look bad,” he told the Guardian.';
    assert.equal(speakerOf(praised, 'I think the legacy'), 'Peter Westmacott');
    const website = 'The plans differ. Hillary Clinton’s website is very different. On the health care page, she vows to “defend the Affordable Care Act.”';
    assert.equal(speakerOf(website, 'defend the Affordable'), 'Hillary Clinton');
  });

  it('a sentence opened by a name the story gives no one and a verb of saying is who the next "he said" is, not the one person named', () => {
    const text =
      'Donald Trump went with the odds, though he had picked Denver last week.\n\n' +
      'Cruz openly admitted that his pick was politically motivated. “With an eye to February 20th, Carolina,” he said.';
    assert.equal(speakerOf(text, 'With an eye'), null);
  });

  it('guard: a pronoun set off before the name by a comma may be the name’s ("As he shook hands, Sanders said")', () => {
    const text = 'As he shook hands with brunch-goers in West Hollywood, Bernie Sanders reiterated his belief in a contested convention.\n\n“Absolutely,” he said.';
    assert.equal(speakerOf(text, 'Absolutely'), 'Bernie Sanders');
  });
});

// Word lists the reader relies on. Kept small and general (newswire English),
// never tuned to particular articles.

const set = (words: string): Set<string> => new Set(words.trim().split(/\s+/));

/** Verbs and phrases that attribute speech; the key is the lower-cased word. */
export const CUE_VERBS = set(`
said says say saying told tells tell telling added adds adding wrote writes write writing noted notes noting
explained explains stated states declared declares asked asks replied replies responded responds argued argues
insisted insists claimed claims warned warns continued continues recalled recalls acknowledged acknowledges
admitted admits announced announces tweeted tweets posted posts described describes urged urges suggested suggests
testified testifies predicted predicts complained complains conceded concedes countered counters emphasized
emphasizes stressed stresses observed observes remarked remarks quipped quips joked jokes shouted shouts
reported reports promised promises vowed vows pledged pledges boasted boasts lamented laments charged charges
alleged alleges contended contends maintained maintains mused muses yelled yells exclaimed exclaims concluded
concludes recounted recounts confirmed confirms denied denies added; agreed agrees cautioned cautions
affirmed affirms asserted asserts reiterated reiterates revealed reveals disclosed discloses
pointed points called calls labeled labelled labels dubbed dubs branded brands hailed hails
praised praises criticized criticised criticizes slammed slams blasted blasts accused accuses
thundered thunders chimed chimes interjected interjects whispered whispers wondered wonders
answered answers pressed presses retorted retorts offered offers explaining
proclaimed proclaims proclaiming wondering asking insisting explain chided chides mocked mocks
scoffed scoffs snapped snaps demanded demands rejected rejects questioned questions advised advises
estimated estimates remembers declaring warning quipping joking describe describing calling announcing stating claiming arguing
`);

/**
 * Verbs of speech and stance in all their forms. PolNeAR's annotators mark these as
 * attribution cues too ("accused her of being “dishonest”", "thinks it is “rigged”").
 */
const CUE_BASES = `accuse call cite refer express speak insist argue claim suggest mention denounce dismiss tout
  blame condemn decry rail echo urge quip praise tweet email voice thank threaten plead outline highlight invoke
  portray knock rip eviscerate signal promise recall acknowledge criticize criticise attack defend question
  predict say tell add write note explain state declare ask reply
  respond continue admit announce post describe testify complain concede counter emphasize stress observe
  remark joke shout report vow pledge boast lament charge allege contend maintain muse yell exclaim conclude
  recount confirm deny agree caution affirm assert reiterate reveal disclose point label dub brand hail slam
  blast thunder chime interject whisper wonder answer press retort offer proclaim chide mock scoff snap demand
  reject advise estimate remember insinuate lash fume gush crow concur counsel implore beg quote recite
  talk comment apologize apologise credit lobby read sing chant cheer opine posit theorize reason tease taunt jeer groan sigh admonish warn
  imply indicate hint assure vent bemoan protest characterize characterise grouse fret reckon brag reference
  scream exhort riff deride cry snipe laud ponder`;
// ("snipe", "laud", "ponder": "Lee sniped that the board was “…”", "Ruiz lauded the crew for “…”", "Lee pondered
// who might “…”"; PolNeAR train: 3 speakers right, 0 wrong added. Not "utter": "uttering charges that Ruiz
// called “…”" then gave the quote to the sentence's subject.)

function inflect(base: string): string[] {
  const e = base.endsWith('e');
  const y = /[^aeiou]y$/.test(base);
  const doubled = /^(?:rip|snap|quip|refer|admit|slam|chat|jab|spar|fret|rebut|beg|plan|drop)$/.test(base) ? base + base.slice(-1) : base;
  const third = y ? base.slice(0, -1) + 'ies' : /(?:s|sh|ch|x|z)$/.test(base) ? base + 'es' : base + 's';
  const past = y ? base.slice(0, -1) + 'ied' : e ? base + 'd' : doubled + 'ed';
  const ing = e && base !== 'see' ? base.slice(0, -1) + 'ing' : doubled + 'ing';
  return [base, third, past, ing];
}
const IRREGULAR = 'said told wrote written spoke spoken sang chanted puts found finds';

for (const base of CUE_BASES.trim().split(/\s+/)) for (const form of inflect(base)) CUE_VERBS.add(form);
for (const form of IRREGULAR.split(' ')) CUE_VERBS.add(form);
// Forms that are mostly nouns or other verbs in news copy.
for (const noun of ['state', 'call', 'report', 'post', 'point', 'charge', 'question', 'answer', 'note', 'press', 'reads', 'read', 'hopes', 'fears', 'worries', 'quotes', 'blames', 'attacks', 'signals', 'chants', 'cheers', 'protest', 'protests', 'vent', 'vents', 'hint', 'hints']) CUE_VERBS.delete(noun);

/** Cue words that introduce a quote after the verb (the talks “were …”), i.e. reported speech. */
export const SPEECH_NOUNS = set(`statement interview tweet email e-mail letter post remarks speech briefing conference release
memo op-ed editorial message video report`);

/** Words heading a title or role ("State Department spokesman", "Vice Foreign Minister"). */
export const ROLE_WORDS = set(`
president vice-president secretary minister spokesman spokeswoman spokesperson director senator sen. rep.
representative congressman congresswoman governor gov. mayor chairman chairwoman chair chief leader ambassador
envoy adviser advisor official officer speaker premier chancellor king queen prince princess pope general gen.
admiral commander judge justice attorney prosecutor lawyer counsel candidate nominee manager strategist
pollster analyst economist professor researcher scientist executive ceo cfo coo founder president-elect
deputy assistant undersecretary under-secretary commissioner administrator head treasurer comptroller
councilman councilwoman councilor lieutenant lt. sheriff chief-of-staff aide staffer consultant
spokesmen editor columnist correspondent reporter host anchor author writer historian expert lobbyist supervisor
activist organizer organiser fellow member delegate superintendent dean coach captain colonel sergeant
detective agent inspector marshal mp mep lawmaker legislator diplomat counterpart campaigner operative
surrogate donor supporter voter chairperson whip majority minority mr. mrs. ms. dr. rev. sir dame lord lady
partner principal president's ambassador-at-large magnate billionaire businessman businesswoman advocate
`);

/** Head nouns of a phrase that describes a person ("the harbor town's mayor", "her campaign manager"). */
export const PERSON_HEADS = new Set(
  `businessman businesswoman billionaire mogul neurosurgeon surgeon doctor physician candidate nominee frontrunner
   front-runner hopeful rival challenger incumbent lawmaker lawmakers senator congressman congresswoman governor
   president leader aide aides adviser advisers advisor advisors spokesman spokeswoman spokesperson official
   officials actress actor star singer comedian host anchor pastor preacher bishop priest activist activists
   veteran developer lawyer attorney economist strategist pollster secretary minister ambassador diplomat
   mayor chairman chairwoman director executive founder manager judge prosecutor sheriff chief
   commissioner general tycoon
   magnate entrepreneur author writer columnist commentator journalist reporter pundit historian professor
   scholar expert analyst researcher scientist organizer supporter supporters critic critics voter voters
   resident residents delegate delegates protester protesters mother father wife husband son daughter brother
   sister widow man woman student students teacher worker workers owner
   prince princess king queen pope cleric imam rabbi nun soldier officer detective trooper nurse farmer
   retiree representative councilman councilwoman chancellor premier`.split(/\s+/),
);

/** Honorifics and short titles that always precede a name. */
export const HONORIFICS = set(`mr. mrs. ms. miss dr. prof. rev. sen. rep. gov. gen. lt. col. sgt. capt. adm. pres. sir dame lord lady judge justice president senator governor mayor speaker pope king queen prince princess`);

/** Words that make a capitalised run an organisation or place, not a person. */
export const ORG_WORDS = set(`
department ministry council house senate congress party committee commission agency bureau office university
college school institute institution foundation association organization organisation union court courts
group summit news times post journal street tribune herald gazette press network corp corp. inc inc. co.
company corporation bank fund administration government army navy force forces guard police service services
club league team center centre hospital church states republic kingdom nations federation authority board
trust society alliance coalition movement campaign caucus post. times. reuters bloomberg ap afp cnn nbc abc
cbs fox msnbc npr pbs bbc cia fbi nsa nato un eu gop dnc rnc white pentagon kremlin capitol parliament
assembly city county state province district island islands river mountain valley airport station hotel
tower building plaza square avenue road highway bridge port media magazine llc ltd ltd. plc l.p. lp
show file act forum studies affairs security research review strategies journalism project partners books program
initiative sea ocean qaeda morning hebdo united jazeera agence presse afl-cio golf studios studio footwear
productions entertainment enterprises holdings industries ventures communications pictures records films airlines
motors apparel brands radio energy oil coal steel mining pharmaceuticals capital financial insurance
`);

/** Capitalised words that begin sentences or headlines and are never names. */
export const NON_NAME_WORDS = set(`
the a an and or but if then when while after before since because although though as at by for from in into
of on onto to with without about above across against along among around behind below beneath beside between
beyond during except inside near off out outside over past through throughout under until up upon within he she
it they we you i his her its their our your my this that these those there here what which who whom whose why
how where yes no not all any both each every few many more most other some such only own same so than too very
just also still even now however meanwhile moreover instead indeed perhaps maybe already again once twice
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. today
tomorrow yesterday tonight according read related updated update editor's note photo video watch advertisement
one two three four five six seven eight nine ten first second third last next new mr mrs ms dr
republican republicans democrat democrats democratic american americans chinese russian british european
african asian muslim christian jewish catholic evangelical latino hispanic black white obamacare
god lord christmas easter election elections campaign debate poll polls another several yet like say absent
everything everyone everybody nothing something anything nobody somebody anybody someone anyone
`);

/**
 * Common first names, by likely gender, for telling a person's name from other capitalised runs. (The last line
 * of each list: further common English and Spanish first names, leaving out those that are also common words,
 * places or surnames in news copy, such as Dean, Rush, Guy, Chad, Jan, Perry, Cameron, Francis or Sue.
 * PolNeAR train: 6 speakers right, 1 wrong added, that one removed by the WRITTEN_THINGS guard in attribution.ts.)
 */
const FEMALE = `billie alicia audrey tina penny cecile felicia mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel
catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan
evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice
madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany
natalie isabella charlotte rose alexis kayla hillary chelsea huma kellyanne ivanka melania
condoleezza madeleine nikki hope omarosa katrina kayleigh dana debbie tulsi kamala elena
sonia maxine loretta valerie anita gina kirsten tammy dianne jeanne
marine ursula jacinda benazir indira golda aung tsai anne carly meg jill
mika katy taylor oprah meryl beyonce rosie megyn greta juanita paula kathy
pam tracy aubrey erin katie kristen kate molly monica sylvia vanessa wendy yvonne claire ellen irene jane joanne josephine lori norma peggy phyllis renee stacy tracey beth bonnie carla cindy colleen connie dolores edith eileen elaine eleanor erica esther gail gwen jenny joanna jodi kristin leslie lillian lucy marcia margie marianne marsha mindy nora patty priscilla rhonda roberta shannon sheila stacey suzanne tamara terri toni vicki wanda zoe dottie lena selena liz betsy becky
`;
const MALE = `brad charlie tad stu sammy brent simon ari sherrod philippe pierre jacques michel henri antonio giovanni giuseppe james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank
patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter
noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan
billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby
mason philip louis barack bill mitt newt bernie ted marco jeb chris mike tim reince rudy rudolph ben
hugh dick al jimmy lyndon franklin woodrow harry dwight herbert calvin warren abraham ulysses
rand rick lindsey mitch chuck nancy orrin lamar jeff jim tom tony steve dan don ken greg ed
vladimir sergei sergey boris angela emmanuel francois nicolas shinzo narendra recep bashar
hassan bibi mahmoud ali omar muhammad mohammed ahmed abdul antony ned corey
jared kellyanne rex hope sebastian
joaquin julian cory jerrold jamie robby robbie gavin beto pete bernard
frederick fred harvey howard ivan jon kurt kirk lance leon luke marcus martin max neil oliver oscar pat phil
ray rob ron sam stan todd troy victor vince wade wesley xavier evan karl kris lou mitchell nate nick norm
rodney ross seth shane spencer travis trevor wallace winston glenn gordon grant hank jake josh lee leo
matt bradley gerard jonah morton jorge stefan craig derek darrell duane dwayne glen hector herman joel johnny marvin melvin mario miguel carlos luis pedro ricardo roberto rafael alejandro manuel francisco javier andre darren dustin joey ruben stuart tommy vernon clarence clifford alfred alex alvin andy arnold barry brett bret colin dave derrick eddie edgar edwin emilio ernest eduardo felix fernando freddie jamal jerome jimmie kenny lonnie malcolm marc mathew mickey mohamed mustafa nathaniel nigel pablo reggie rene richie ricky rodrigo rolando salvador sergio sidney terrence theodore toby tyrone wilbur zach
`;
export const FEMALE_NAMES = set(FEMALE);
export const MALE_NAMES = set(MALE);

/** Chinese (and some Korean/Vietnamese) surnames written first: "Xi Jinping", "Wang Wenbin". */
export const SURNAME_FIRST = set(`
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang xi
han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao qin fu
zhong lü dai lai kong mao meng qian qiu shi tan wen xiong yan yin zou bai chang gu hou jia kang lei long qi
tao wan xue yi zhan hua geng ji shao mo gong kuang ning pang zhai
`);

export const PRONOUNS = set(`he she they it`);

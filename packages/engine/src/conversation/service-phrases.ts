/**
 * The phrases service cues are read from: what an agent or bot says when it fails or finishes a
 * task, and what a customer says when correcting, doubting, accepting, closing or giving up.
 * English, Chinese (either script) and Cantonese.
 */

/**
 * The agent or bot could not do what was asked: "I couldn't find", "no results", "the booking was
 * unsuccessful", "sold out", "I didn't understand", "something went wrong". A bare "sorry" is not
 * one: "sorry to hear that" is empathy, and "sorry about that, here are…" is the fix.
 */
export const SERVICE_FAILURE =
  /couldn'?t find|could not find|can'?t find|did(n'?t| not) find|no (results|availability|matches|options|tables|rooms|flights|hotels|trains|buses|seats|tickets|appointments|openings|slots|cars|rides|restaurants|attractions|events|showings|songs|movies|information|info)\b|there (is|are) no (?!(\w+ )?(charge|fee|cost|need|problem|issue|worry|rush|hurry)\b)|not available|unavailable|fully booked|sold out|(did not|didn'?t|don'?t|do not) (quite )?(understand|catch|get that)|not sure what you mean|(please )?(rephrase|say (it|that) again)|could you repeat|something went wrong|try again later|(can|could) only help with|(can'?t|cannot|can not|unable to|not able to|couldn'?t|could not) (help|do|check|process|handle|find|change|cancel|book|make|complete|reserve|purchase|buy|place|get|locate|open|play)|(could not|couldn'?t|can'?t|cannot) be (booked|made|completed|processed|reserved|purchased|placed|found)|\bunsuccessful\b|\b(not|wasn'?t|weren'?t) successful|\b(has |have |was )?failed\b|unfortunately|\bi'?m afraid\b|(do not|don'?t) have (any |that |this |the )?(information|info|details)|(did not|didn'?t) go through|\b(i|we) (do not|don'?t) (have|know of|see) any\b|\bnot (finding|seeing) any(thing)?\b|\b(completely|all) booked\b|(do not|don'?t) have (anything|anywhere|any) (that|which|with|matching|like)|nothing (that )?match(es|ing)?\b|没有找到|沒有找到|找不到|搵唔到|查不到|已满|已滿|满座|滿座|售罄|卖完|賣完|賣晒|没有(空位|库存|结果|符合)|沒有(空位|庫存|結果|符合)|暂时无法|暫時無法|无法(处理|查询|办理|识别|筛选|理解|预订)|無法(處理|查詢|辦理|識別|篩選|理解|預訂)|(不|没有|沒有|唔)(太)?(明白|理解|懂)(您|你)?(的|嘅)?意思|没有理解|沒有理解|唔明白|换个说法|換個說法|请重新|請重新|再讲一次|再講一次|再说一次|再說一次|出错|出錯|失败|失敗/i;

/** The customer corrects us at the start of the turn: "no, I said…", "不是，我说的是…", "唔係…". */
export const CORRECTION_START = /^(no\b|nope|not (that|what)|that'?s not|wrong|不是|不对|不對|错了|錯了|唔係|唔啱)/i;

/** …or anywhere in it: "I just said 2", "like I said", "no, I want…", "that's not what I asked", "我问的是…", "我咪講咗…". */
export const CORRECTION =
  /\bi (just |already )?(said|told you|asked (for|about)|meant)\b|\b(that|this|it)('s| is) (not (right|correct)|wrong|incorrect)\b|^(incorrect|not correct|wrong)\b|^no\b[,.!]* i (want|need|wanted|needed|asked|'?m asking|am asking)\b|\bi (just |already )(did|tried)\b|\bi'?m asking\b|not what i (asked|said|meant|wanted)|\byou (just |already )?said\b|我(说|說|问|問)的是|我(刚才|剛才|已经|已經|都|咪)?(说|說|讲|講)(了|咗|过|過)|我(没|沒|冇)(问|問|说|說)|我係話|已经.{0,6}过了|已經.{0,6}過了|咗都係咁/i;

/**
 * A "no" that answers a question or closes the exchange rather than correcting: "no thanks",
 * "no, that's all", "no, I'm good".
 */
export const POLITE_NO =
  /^no\b[\s,.!]*(thanks|thank you|that'?s (all|it|everything)|that is (all|it)|i'?m (good|fine|all set)|nothing|not (now|today|yet|really))/i;

/** The bot asks the customer to confirm details, where a "no" means the details are wrong. */
export const CONFIRM_REQUEST =
  /\bconfirm(ation)?\b|\bverify\b|is (that|this) (right|correct)|\b(correct|right)\s*[?？]|did you (mean|say)|确认|確認|对吗|對嗎|係咪/i;

/** The customer doubts the answer: "Really?", "Are you sure?", "That can't be right", "不会吧", "唔係啩". */
export const DISBELIEF =
  /^(really|seriously|what|huh|ugh|come on)[?!.]|(none|nothing|no one) (at all|whatsoever)|are you (sure|serious|kidding)|can'?t be right|what do you mean|how is that possible|not (one|a single)|不会吧|不會吧|不是吧|真的假的|什么意思|什麼意思|唔係啩|唔會啩|冇理由|怎么可能|怎麼可能/i;

/** The customer gives up or asks for a person: "forget it", "never mind", "get me a human", "算了，转人工". */
export const GAVE_UP =
  /forget it|never ?mind|give up|i'?ll (just )?(do it|book it|sort it|ask|call|try) (myself|elsewhere|somewhere else|on the (website|app)|on my own)|i'?ll just (do|book|call|go|ask|use|try)|(speak|talk|put me through) to (a|an|someone|somebody|a real|an actual)|(real|actual) (person|human)|get me (a|an) (human|person|agent)|useless|hopeless|pointless|waste of time|thanks for nothing|算了|算啦|转人工|轉人工|人工客服|唔使喇|唔使了|不用了|没用|沒用|冇用|有什么用|有什麼用/i;

/** The agent or bot says the task is done: booked, sent, refunded, "booking was successful", "已为您预订", "已經幫你安排咗". */
export const COMPLETED =
  /\b(done|all set)[.!]|^(booked|reserved|confirmed|sent|added|transferred|now playing|playing)\b|\b(booked|reserved|confirmed|added|scheduled|sent|transferred|purchased|placed)[.!]|success(ful|fully)?\b|(has|have) been (booked|reserved|confirmed|transferred|scheduled|arranged|approved|refunded|credited|added|sent|issued|set up|changed|moved|updated|opened|made|placed|purchased|completed|processed|paid)|\b(i'?ve|i have|we'?ve|we have) (bought|booked|reserved|confirmed|transferred|scheduled|arranged|approved|refunded|credited|added|sent|issued|set up|changed|cancelled|canceled|moved|updated|opened|blocked|made|placed|purchased)|\b(is|are) (now )?(booked|reserved|confirmed|scheduled|set up|open|frozen|blocked|playing|on (its|their|the) way)\b|\b(now|started) playing\b|booking (is )?completed?|已(经|經)?(为您|為您|帮您|幫您|帮你|幫你|给您|給您)?(预订|預訂|预约|預約|订好|訂好|办理|辦理|安排|提交|登记|登記|冻结|凍結|加入|补发|補發|处理|處理|完成|发出|發出|退款)|(办|辦|订|訂|搞|处理|處理)(好|掂)|(订|訂|预约|預約|安排|book)咗|已完成|完成咗/i;

/**
 * The customer takes what was offered or done: "that works", "sounds good", "perfect, book it",
 * "I'll check it out", "太好了", "好呀，幫我訂". A plain "ok"/"yes" is not acceptance: it only answers.
 */
export const ACCEPTED =
  /^(oh,? |ok(ay)?,? |yes,? |yeah,? |yep,? |no,? |alright,? |well,? |wow,? )?((that|this|it)( one)?('?s| is| would be| will be| sounds| looks| seems)? ?(really |very |so |just |even )?(great|good|perfect|fine|excellent|awesome|wonderful|lovely|nice|ideal|fantastic|brilliant|amazing|better)|(that|this|it) works|sounds (really )?(good|great|perfect|fine|nice|lovely|fun|interesting|like a plan)|(great|perfect|excellent|awesome|wonderful|lovely|nice|cool|brilliant|fantastic|amazing|good)\b)|works for me|suits me|(that|this|it) (will|would|should) (work|do)\b|that'?s (exactly )?what i (want|need)|i('ll| will) (definitely |surely )?(check (it|that|this|them) out|watch (it|that)|try (it|that|this)|give it a (try|go|shot)|take (it|that|this)|go with (that|it|this))|\blet'?s go with (that|it|this)|\bi like (that|this|the) (one|option|idea|suggestion|sound of)|\b(good|great|nice) (idea|pick|choice|suggestion|recommendation)\b|^(太好了|好极了|好極了|不错|不錯|挺好|正好|完美|好呀|好啊|好嘢|正呀|正啊|就(这|這|呢)个|就(这|這)個)/i;

/**
 * The agent or bot puts something forward for the customer to take: an option, an action or details
 * to confirm ("How about Casa Rosa?", "Shall I book it?", "Is the 9th good for you?"). A "no" to it
 * means what we put forward did not fit. "Anything else?" is not one: a "no" to it closes.
 */
export const PROPOSAL =
  /[?？]|\bconfirm\b|\b(how|what) about\b|\bi (recommend|suggest)\b|\byou (might|may|could|would) (like|enjoy|try)\b|\bshall i\b|\bshould i\b|\bwould you like\b|\bdo you want\b|\bwant me to\b/i;

/**
 * The agent or bot asks about the customer's own taste: the feeling in the answer is about the topic.
 * "Have you seen X?" offers something instead: a dislike of what was offered is about the service.
 * "Why not?", "any genres you don't enjoy?", "what did u like about it?" ask for taste too; "would you
 * like…?" and "you'd like" ask what the customer wants, not what they think.
 */
export const TASTE_QUESTION =
  /\b(do|did) you (usually |generally )?(like|love|enjoy|prefer|hate|dislike)|what (kind|type|sort|genre)s? of|what (did|do|don'?t|didn'?t) you (like|love|think|enjoy|dislike)|why (did|do|don'?t|didn'?t) you|(a|an|any) \w+ (that )?you('ve| have)? (don'?t |didn'?t )?(like|liked|love|loved|enjoy|enjoyed)|favou?rite|\bwhy('s| is)? (that|not)\b|\breasons? (why )?(you|u)\b|(?<!would |could |\bif )\b(you|u) ((do|did|don'?t|didn'?t|not|really|usually|also|ever|particularly) )?(like|liked|dislike|disliked|love|loved|hate|hated|enjoy|enjoyed|think|thought|felt)\b(?![^?]*\bto\b)|喜欢什么|喜歡什麼|什么类型|什麼類型|为什么喜欢|為什麼喜歡/i;

/** A bare "no" at the start of the customer's reply: "no", "nope", "no, …", "not really", "不要", "唔要". */
export const REFUSAL_START = /^(no\b|nope\b|nah\b|not really\b|not (now|today|at this time)\b|不要|唔要)/i;

/**
 * The customer asks us to try again: the last attempt did not do it. "Try again at 8", "can you
 * check again?", "look once more", "再查一下".
 */
export const RETRY =
  /\b(try|look|check|search|do) (it |that |this )?(again|once more|one more time)\b|\b(look|check|search) harder\b|再(试|試|查|搵)一(下|次)/i;

/**
 * The customer says the details we read back are right: "yes, that's correct", "exactly", "all
 * correct", "对的", "冇錯". Said to a confirmation request, it means we understood them.
 */
export const CONFIRMED =
  /\b(that('s| is)|it('s| is)|that'?s all|all|everything('s| is)?) (exactly |all )?(correct|right)\b|^(yes,? |yeah,? |yep,? )?(correct|exactly|right)\b|对的|對的|没错|沒錯|冇錯|啱(嘅|呀|喇)/i;

/** The customer goes along without wanting to: "whatever", "fine, then", "if I must", "随便". */
export const RESIGNED =
  /\bwhatever\b|^fine,? (then|i guess)|\bif (i|we) (must|have to)\b|\bi guess (so|that'?s fine)|随便|隨便|凑合|湊合/i;

/** The agent asks how the customer is, so "great, thanks" is courtesy rather than a verdict. */
export const SMALL_TALK =
  /how are you|how('s| is) (it going|your day|everything)|how are things|how have you been|你好吗|你好嗎|最近(好吗|好嗎|点样|點樣)/i;

/** The customer closes the exchange: "that's all", "nothing else", "I'm all set", "就这些", "冇嘢喇". */
export const CLOSING =
  /that'?s (all|everything|it)( i need(ed)?| for (now|today))?\b|that is (all|everything)|nothing (else|more)|i'?m (all )?(good|set)\b|no more questions|就这些|就這些|没有了|沒有了|冇嘢喇|冇其他/i;

/** After a finished task, the customer asks for something more: "I also need a taxi", "can you also…". */
export const NEXT_REQUEST = /\balso\b|\banother\b|\bone more\b|\b(now|next) i\b|还要|還要|另外|仲要|再(帮|幫)/i;

/** Words too common to show that a customer said something again. */
export const FILLER = new Set(
  "the and for you your said told just like please that this yes yeah can could would should will want need what with not are was were have has had its it's i'm i'd i've there here from about again one some any something anything also find book looking look get know tell help show make how when where which who why does did don't them they then than okay thanks thank".split(
    " ",
  ),
);

/** The customer turns down what was offered and asks for another: "anything cheaper?", "seen it already", "换一个". */
export const ALTERNATIVE =
  /\b(anything|something|any|some)( \w+)? (else|other|different|cheaper|closer|better|later|earlier|bigger|smaller|newer|nearer)\b|\b(other|another|different) (one|ones|options?|choices?|places?|suggestions?|recommendations?|times?)\b|what else|instead\b|\b(someone|somewhere|anyone|anywhere) else\b|\b(keep|continue) (looking|searching)\b|\bmore (options|choices|results|ones)\b|\btoo (early|late|expensive|pricey|far|small|big|long|short|old) for (me|us)\b|not (that|this) one|(don'?t|do not) (like|want) (that|this|it)\b|(seen|watched) (it|that|this)( one)?,? already|already (seen|watched)|别的|別的|其他|其它|换一个|換一個|换个|換個/i;

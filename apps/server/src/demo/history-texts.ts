/**
 * Customer and agent lines written for the demo history (never taken from shared data sets), per language and
 * cause. `{p}` is replaced by the product's name. Strong lines are angry or abusive; mild lines are worried,
 * confused or disappointed; warm lines thank.
 */

export type DemoLang = "zh-Hans" | "zh-Hant" | "yue" | "en";
export type DemoCause =
  | "delivery"
  | "product_quality"
  | "refund_return"
  | "billing"
  | "account"
  | "wait_time"
  | "technical_fault"
  | "agent_attitude";

interface LangLines {
  strong: Record<DemoCause, string[]>;
  mild: Record<DemoCause, string[]>;
  abusive: string[];
  warm: string[];
  stillBad: string[];
  agent: string[];
  survey: { low: string[]; mid: string[]; high: string[] };
}

const zhHans: LangLines = {
  strong: {
    delivery: [
      "{p}显示已签收，可我根本没收到！第三次问了，再不处理我就投诉到12315！",
      "说好三天到的{p}，一个星期了还没发货，你们到底有没有人管？气死我了！",
    ],
    product_quality: [
      "刚买的{p}用了两天就坏了，这什么破质量！马上给我换！",
      "{p}一充电就发烫，差点烧起来，你们必须给个说法！",
    ],
    refund_return: [
      "退款申请提交十天了还没到账，每次都说在处理，骗谁呢？",
      "{p}退回去一周了，钱到现在都没退，太过分了！",
    ],
    billing: ["我根本没开会员，为什么每个月自动扣我30块？马上退钱！", "同一笔订单扣了我两次钱，你们这是抢钱吗？"],
    account: ["账号突然被封，里面还有余额，也不给任何解释，太离谱了！", "我的账户被人盗了，打了三次电话都没人处理！"],
    wait_time: ["排队等了一个多小时都没人接，你们客服是摆设吗？", "留言两天了没人回复，我要找你们领导！"],
    technical_fault: ["App一直闪退，{p}根本连不上，耽误我一整天！", "更新以后{p}完全用不了，你们到底有没有测试过？"],
    agent_attitude: ["刚才那个客服态度极差，直接把我电话挂了！", "客服说这不是他们的问题，让我自己想办法，这叫服务？"],
  },
  mild: {
    delivery: ["请问我的{p}什么时候能到？物流好几天没更新了，有点担心。", "快递显示派送中两天了，能帮忙查一下吗？"],
    product_quality: ["{p}的电池好像不太耐用，这正常吗？", "收到的{p}外壳有点划痕，有点失望。"],
    refund_return: ["想问一下{p}退货需要自己付运费吗？", "退款大概多久能到账呢？我有点着急用钱。"],
    billing: ["这个月账单比平时多了20块，不太明白是哪里来的。", "发票抬头开错了，可以帮我重开吗？"],
    account: ["手机号换了，登录不上账号，怎么办？", "收不到验证码，试了好几次了。"],
    wait_time: ["等了挺久的，能快一点吗？", "上次问的问题还没回复，麻烦跟进一下。"],
    technical_fault: ["{p}连蓝牙的时候偶尔断开，怎么设置？", "App里找不到绑定{p}的入口，不太明白。"],
    agent_attitude: ["上次客服说会回电，但一直没等到。", "希望客服能解释得再清楚一点。"],
  },
  abusive: ["你们这群骗子，脑子有病吧！", "垃圾公司，一群废物，滚！"],
  warm: ["谢谢你，问题解决了，服务很好！", "收到了，非常感谢你们的耐心帮助！", "太好了，处理得很快，给你们点赞！"],
  stillBad: ["还是没解决，我很失望。", "说了半天还是没用，算了。"],
  agent: [
    "非常抱歉给您带来不便，我马上为您查询处理。",
    "理解您的心情，我已经加急处理，今天下午五点前给您回复。",
    "感谢您的耐心，我们可以为您换新，或者直接全额退款，您看哪种方便？",
  ],
  survey: {
    low: ["很不满意，问题拖太久", "客服没解决问题"],
    mid: ["一般吧，速度可以再快点", "还行"],
    high: ["非常满意，客服很专业", "很快解决了，谢谢"],
  },
};

const zhHant: LangLines = {
  strong: {
    delivery: [
      "{p}說好三天到貨，現在一個禮拜了還沒出貨，真的很誇張！",
      "物流顯示已簽收，但我根本沒收到{p}，到底誰收的？！",
    ],
    product_quality: ["{p}才用兩天就壞掉，品質也太差了吧！馬上幫我換！", "收到的{p}是壞的，開都開不了，非常生氣！"],
    refund_return: [
      "退貨申請十天了錢還沒退，每次都說處理中，到底要等多久？",
      "{p}寄回去一個禮拜了，退款一直沒下來，太離譜了！",
    ],
    billing: ["同一筆訂單被扣款兩次，請馬上退費！", "我沒有訂閱，卻每個月被扣款，這是詐騙嗎？"],
    account: ["帳號突然被停用，裡面還有餘額，也不給解釋！", "帳號被盜用了，打了三次電話都沒人處理！"],
    wait_time: ["等了一個多小時都沒人接電話，客服是擺設嗎？", "留言兩天都沒人回，我要找主管！"],
    technical_fault: ["App一直閃退，{p}完全連不上，浪費我一整天！", "更新之後{p}就不能用了，你們有測試過嗎？"],
    agent_attitude: ["剛剛那位客服態度超差，直接掛我電話！", "客服說不是他們的問題，叫我自己想辦法，這叫服務？"],
  },
  mild: {
    delivery: ["請問我的{p}什麼時候會到？物流好幾天沒更新了，有點擔心。", "包裹顯示配送中兩天了，可以幫我查一下嗎？"],
    product_quality: ["{p}的電池好像不太耐用，這樣正常嗎？", "收到的{p}外殼有刮痕，有點失望。"],
    refund_return: ["想請問{p}退貨需要自付運費嗎？", "退款大概多久會入帳呢？"],
    billing: ["這個月帳單比平常多了一百元，不太清楚原因。", "發票統編打錯了，可以重開嗎？"],
    account: ["換了手機號碼之後登入不了帳號，怎麼辦？", "一直收不到驗證碼。"],
    wait_time: ["等了蠻久的，可以快一點嗎？", "上次的問題還沒回覆，麻煩幫我追蹤。"],
    technical_fault: ["{p}藍牙偶爾會斷線，要怎麼設定？", "App裡找不到綁定{p}的地方。"],
    agent_attitude: ["上次客服說會回電，但一直沒等到。", "希望客服可以解釋得更清楚一點。"],
  },
  abusive: ["你們這群騙子，腦子有問題嗎！", "爛公司，一群廢物！"],
  warm: ["謝謝你，問題解決了，服務很好！", "收到了，非常感謝你們的幫忙！", "處理得很快，給你們按讚！"],
  stillBad: ["還是沒解決，很失望。", "講了半天還是沒用，算了。"],
  agent: [
    "非常抱歉造成您的不便，我馬上為您查詢處理。",
    "理解您的心情，已經幫您加急處理，今天下午五點前回覆您。",
    "謝謝您的耐心，我們可以幫您換新，或直接全額退款，您看哪個方便？",
  ],
  survey: {
    low: ["非常不滿意，拖太久", "客服沒有解決問題"],
    mid: ["普通，速度可以再快一點", "還可以"],
    high: ["非常滿意，客服很專業", "很快就解決了，謝謝"],
  },
};

const yue: LangLines = {
  strong: {
    delivery: [
      "部{p}話三日到，而家一個禮拜都未寄出，搞咩呀！好嬲！",
      "物流話簽收咗，但我根本冇收到{p}，邊個收咗呀？！",
    ],
    product_quality: ["部{p}用咗兩日就壞咗，咩質素呀！即刻同我換！", "收到部{p}係壞嘅，開都開唔到，嬲到震！"],
    refund_return: ["退款申請咗十日都未到，次次都話處理緊，呃人㗎？", "{p}寄返去一個禮拜，錢都未退，太過分啦！"],
    billing: ["同一張單扣咗我兩次錢，即刻退返俾我！", "我冇訂閱，點解每個月都扣我錢？"],
    account: ["個戶口突然俾人封咗，入面仲有錢，又唔解釋！", "個帳戶俾人盜用咗，打咗三次電話都冇人理！"],
    wait_time: ["等咗成個鐘都冇人聽電話，客服係擺設㗎？", "留言兩日都冇人覆，我要搵你哋主管！"],
    technical_fault: ["個App成日閃退，部{p}連唔到，嘥我成日時間！", "更新完之後部{p}用唔到，你哋有冇測試過㗎？"],
    agent_attitude: ["頭先個客服態度好差，直接收我線！", "客服話唔關佢哋事，叫我自己諗辦法，咁都叫服務？"],
  },
  mild: {
    delivery: ["想問吓部{p}幾時到？物流幾日冇更新，有啲擔心。", "包裹話派送緊兩日喇，可唔可以幫我查吓？"],
    product_quality: ["部{p}啲電好似唔係好耐用，正唔正常㗎？", "收到部{p}有少少花，有啲失望。"],
    refund_return: ["想問{p}退貨使唔使自己俾運費？", "退款大概幾耐先到？"],
    billing: ["今個月張單貴咗一百蚊，唔知點解。", "張發票寫錯咗名，可唔可以重開？"],
    account: ["轉咗電話號碼之後登入唔到，點算？", "一直收唔到驗證碼。"],
    wait_time: ["等咗好耐，可唔可以快啲？", "上次問嘅嘢都未覆，麻煩跟進吓。"],
    technical_fault: ["部{p}藍牙有時會斷，點樣設定？", "個App搵唔到綁定{p}嘅地方。"],
    agent_attitude: ["上次客服話會覆電話，但一直都冇。", "希望客服可以解釋清楚啲。"],
  },
  abusive: ["你哋班呃人嘅，有冇搞錯呀！", "垃圾公司，一班廢柴！"],
  warm: ["唔該晒，問題解決咗，服務好好！", "收到喇，多謝你哋幫手！", "好快就搞掂，正！"],
  stillBad: ["都係冇解決，好失望。", "講咗咁耐都冇用，算啦。"],
  agent: [
    "唔好意思帶嚟不便，我即刻幫你查。",
    "明白你嘅心情，已經幫你加急處理，今日五點前覆你。",
    "多謝你耐心等候，我哋可以幫你換新，或者全數退款，你覺得邊個方便？",
  ],
  survey: {
    low: ["好唔滿意，拖得太耐", "客服冇幫到手"],
    mid: ["麻麻地，可以快啲", "還可以"],
    high: ["好滿意，客服好專業", "好快搞掂，多謝"],
  },
};

const en: LangLines = {
  strong: {
    delivery: [
      "My {p} was marked delivered but it never arrived. Third time I'm asking — fix this or I'm filing a complaint!",
      "You promised the {p} in three days. It's been a week and it hasn't even shipped. Unbelievable!",
    ],
    product_quality: [
      "The {p} broke after two days. Terrible quality, I want a replacement NOW.",
      "My {p} gets dangerously hot when charging. This is unacceptable!",
    ],
    refund_return: [
      "I returned the {p} ten days ago and still no refund. Stop telling me it's processing!",
      "Where is my refund?! Two weeks and nothing, this is ridiculous.",
    ],
    billing: [
      "You charged me twice for the same order. Refund me immediately!",
      "I never subscribed, why are you charging my card every month?!",
    ],
    account: [
      "My account was locked with no explanation and my balance is stuck in it!",
      "Someone hacked my account and three calls later nobody has done anything!",
    ],
    wait_time: [
      "I've been on hold for over an hour. Does anyone actually work there?",
      "Two days and no reply to my message. I want to speak to a manager.",
    ],
    technical_fault: [
      "The app keeps crashing and the {p} won't connect. Wasted my whole day!",
      "Since the update the {p} is completely useless. Did anyone test this?",
    ],
    agent_attitude: [
      "Your agent was incredibly rude and hung up on me!",
      "The agent said it's not their problem and I should figure it out myself. Is that service?",
    ],
  },
  mild: {
    delivery: [
      "Hi, when will my {p} arrive? Tracking hasn't updated in days and I'm a bit worried.",
      "The parcel has said out for delivery for two days, could you check?",
    ],
    product_quality: [
      "The {p} battery doesn't seem to last long, is that normal?",
      "My {p} arrived with a scratch on it, a little disappointed.",
    ],
    refund_return: ["Do I have to pay the shipping to return the {p}?", "How long does a refund usually take?"],
    billing: [
      "My bill is higher than usual this month and I'm not sure why.",
      "The invoice has the wrong company name, can you reissue it?",
    ],
    account: [
      "I changed my phone number and now I can't log in, what should I do?",
      "I'm not receiving the verification code.",
    ],
    wait_time: [
      "I've been waiting a while, could someone get back to me?",
      "Still no answer to my question from last week, could you follow up?",
    ],
    technical_fault: [
      "The {p} sometimes drops the Bluetooth connection, how do I fix that?",
      "I can't find where to pair the {p} in the app.",
    ],
    agent_attitude: [
      "The agent said they'd call back but never did.",
      "I wish the explanation had been a bit clearer.",
    ],
  },
  abusive: ["You idiots are useless, worst company ever!", "Pathetic scammers, every one of you!"],
  warm: [
    "Thank you so much, that fixed it!",
    "Got it, really appreciate your help!",
    "Quick and friendly, great service, thanks!",
  ],
  stillBad: ["Still not fixed. Very disappointed.", "This went nowhere, forget it."],
  agent: [
    "I'm so sorry for the trouble, I'm looking into it right now.",
    "I understand how frustrating this is. I've escalated it and will update you by 5 pm today.",
    "Thanks for your patience — we can send a replacement or refund you in full, whichever suits you.",
  ],
  survey: {
    low: ["Very unhappy, took far too long", "My problem wasn't solved"],
    mid: ["Okay, could be faster", "Fine"],
    high: ["Excellent, the agent was very helpful", "Solved quickly, thanks"],
  },
};

/** The lines per language. */
export const DEMO_LINES: Record<DemoLang, LangLines> = { "zh-Hans": zhHans, "zh-Hant": zhHant, yue, en };

/** Products, named once for every language (the catalog is Chinese). */
export const DEMO_PRODUCTS = ["蓝牙耳机", "智能手表", "扫地机器人", "空气炸锅", "电动牙刷"] as const;

/** What English-speaking customers call the same products. */
export const DEMO_PRODUCT_EN: Record<(typeof DEMO_PRODUCTS)[number], string> = {
  蓝牙耳机: "wireless earbuds",
  智能手表: "smart watch",
  扫地机器人: "robot vacuum",
  空气炸锅: "air fryer",
  电动牙刷: "electric toothbrush",
};

/** Causes and how often they come up. */
export const DEMO_CAUSES: ReadonlyArray<[DemoCause, number]> = [
  ["delivery", 0.24],
  ["product_quality", 0.18],
  ["refund_return", 0.16],
  ["billing", 0.1],
  ["wait_time", 0.1],
  ["technical_fault", 0.1],
  ["account", 0.06],
  ["agent_attitude", 0.06],
];

import type { PhraseBank } from "./phrase-bank.js";

/** English replies. */
export const EN: PhraseBank = {
  blank: {
    name: "[name]",
    order: "[order number]",
    time: "[time]",
    promise: "[what was promised]",
    amount: "[amount]",
    action: "[action]",
    issue: "[issue]",
  },
  joiner: " ",
  greeting: {
    email: ["Dear {name},", "Hello {name},", "Hi {name},"],
    chat: ["Hi {name},", "Hello {name},", "Thanks for your message, {name}."],
    call: ["Thank you for holding, {name}.", "Thanks for bearing with me, {name}.", "I'm here, {name}."],
  },
  signoff: {
    email: ["Kind regards,", "Best regards,", "With apologies and best wishes,"],
    chat: ["", "", ""],
    call: [
      "Is there anything else I can do for you right now?",
      "Does that work for you?",
      "Shall we go ahead with that?",
    ],
  },
  acknowledge: {
    anger: {
      low: [
        "I can see why this is annoying.",
        "I understand this isn't what you expected.",
        "That's fair to be unhappy about.",
      ],
      high: [
        "I completely understand why you're angry, and you have every right to be.",
        "I hear you: this should never have happened, and I understand how angry you are.",
        "You're right to be upset about this, and I want to put it right.",
      ],
    },
    frustration: {
      low: [
        "I know it's a hassle to chase this.",
        "I understand that's frustrating.",
        "Sorry you've had to ask about this.",
      ],
      high: [
        "I can see you've already spent far too much time on this, and I understand how frustrating that is.",
        "Having to come back about the same problem again is exhausting, and I understand why you're fed up.",
        "You shouldn't have had to chase us this many times, and I understand your frustration.",
      ],
    },
    disappointment: {
      low: [
        "I understand this isn't what you hoped for.",
        "I'm sorry this fell short.",
        "I can see it didn't meet your expectations.",
      ],
      high: [
        "I understand how disappointing this is, especially when you expected better from us.",
        "You trusted us with this, and I understand how let down you feel.",
        "This isn't the experience you should have had, and I understand your disappointment.",
      ],
    },
    anxiety: {
      low: [
        "I understand you'd like to be sure about this.",
        "That's a fair thing to check.",
        "I can see why you'd want this confirmed.",
      ],
      high: [
        "I can imagine how worrying this is, and I'll give you the facts straight away.",
        "I understand this is stressful, especially with so much at stake, so let me be clear about what happens next.",
        "I know waiting without answers is worrying; here is exactly where things stand.",
      ],
    },
    sadness: {
      low: ["I'm sorry to hear that.", "That sounds hard, and I'm sorry.", "I'm sorry you've been through this."],
      high: [
        "I'm truly sorry; that sounds really hard, and I'll do everything I can to help.",
        "I'm so sorry for what you're going through. Let me take this off your plate.",
        "That must have been really upsetting, and I'm sorry. I'm here to help.",
      ],
    },
    confusion: {
      low: ["Good question.", "Happy to explain.", "Let me clear that up."],
      high: [
        "I understand this is confusing, so let me go through it step by step.",
        "I can see why this doesn't make sense; let me explain it plainly.",
        "Sorry this has been so unclear. Here's how it works, step by step.",
      ],
    },
    surprise: {
      low: ["I understand that was unexpected.", "I can see that came as a surprise.", "Let me explain what happened."],
      high: [
        "I can see this came as a real shock, so let me explain what happened.",
        "That must have been a surprise, and not a welcome one. Here's what happened.",
        "I understand this was completely unexpected; let me set out the facts.",
      ],
    },
    neutral: {
      low: ["Sure.", "Of course.", "Happy to help."],
      high: ["Of course, I'll help with that.", "Absolutely, let me take care of that.", "Certainly."],
    },
    positive: {
      low: ["Glad to hear it!", "That's great to hear.", "Good to know it's sorted."],
      high: ["That's wonderful to hear!", "I'm so glad it all worked out!", "That made my day, thank you!"],
    },
  },
  apology: {
    low: ["Sorry for the trouble.", "Apologies for the inconvenience.", "Sorry about that."],
    high: [
      "I'm very sorry; this is our mistake.",
      "I sincerely apologize for how this has been handled.",
      "I'm really sorry we let you down.",
    ],
  },
  ownership: [
    "I'm taking care of this personally from here.",
    "I'll handle this myself, so you won't need to explain it again.",
    "I'm taking ownership of this case from now on.",
  ],
  nextStep: {
    delivery: [
      "I'm contacting the courier now about order {order} and will update you with its exact location by {time}.",
      "I've asked the carrier to trace order {order} urgently; you'll hear from me by {time}.",
      "If order {order} can't be located by {time}, I'll send a replacement or refund you, whichever you prefer.",
    ],
    refund_return: [
      "I've escalated the refund for order {order}; it should reach your account by {time}.",
      "I'm processing the refund of {amount} now, and you'll get a confirmation by {time}.",
      "I'll push the return for order {order} through today and confirm the refund by {time}.",
    ],
    billing: [
      "I'm reviewing the charge of {amount} now and will correct it by {time}.",
      "I've raised the billing error on your account; the correction will show by {time}.",
      "I'll check every charge on this bill and send you a corrected statement by {time}.",
    ],
    product_quality: [
      "I'll arrange a replacement for order {order}, dispatched by {time}.",
      "I'm booking a free return for the faulty item and will confirm by {time}.",
      "I've logged the fault with our quality team and will tell you the outcome by {time}.",
    ],
    account: [
      "I'm checking your account now and will have access restored by {time}.",
      "I've asked our security team to unlock your account; you'll hear back by {time}.",
      "I'll verify the account details and confirm the fix by {time}.",
    ],
    technical_fault: [
      "I've passed this to our engineers with your details and will update you by {time}.",
      "I'm booking a technician visit; the first available slot is {time}.",
      "I'll run a remote check now and report back by {time}.",
    ],
    wait_time: [
      "I'm dealing with your case right now, and you'll have an answer by {time}.",
      "Your case is now at the top of my list; expect an update by {time}.",
      "I'll stay on this until it's resolved and update you by {time}.",
    ],
    agent_attitude: [
      "I'll take this up with my team lead today and make sure your case is handled properly from here.",
      "I'm recording this feedback formally and will personally see your request through by {time}.",
      "I'll make sure this is reviewed, and I'll finish your request myself by {time}.",
    ],
    price: [
      "Let me check whether a price adjustment applies to order {order}; I'll confirm by {time}.",
      "I'll review the pricing on your account and come back with what I can offer by {time}.",
      "I'm checking the current offers that apply to you and will reply by {time}.",
    ],
    policy: [
      "I'll check exactly what the policy allows in your case and confirm by {time}.",
      "Let me ask for an exception to be reviewed; you'll have an answer by {time}.",
      "I'll go through the terms for your case and explain your options by {time}.",
    ],
    general: [
      "I'll {action} and update you by {time}.",
      "My next step is to {action}; you'll hear from me by {time}.",
      "I'm starting on this now: I'll {action} and confirm by {time}.",
    ],
  },
  options: {
    delivery: [
      "You can choose a replacement shipped by express or a full refund.",
      "Would you prefer a redelivery or a refund?",
      "I can either reship it today or refund you in full, whichever suits you.",
    ],
    refund_return: [
      "I can refund to your original payment method or as store credit, whichever you prefer.",
      "Would you like the refund to your card, or an exchange instead?",
      "You can keep the refund as credit with a bonus, or have it returned to your card.",
    ],
    product_quality: [
      "You can choose a replacement or a full refund.",
      "Would you prefer a repair, a replacement or a refund?",
      "I can send a new one or refund you; which would you prefer?",
    ],
    billing: [
      "I can credit the difference to your account or refund it to your card.",
      "Would you like the amount refunded, or credited to your next bill?",
      "You can choose a refund or a credit.",
    ],
    price: [
      "I can apply the current promotion or refund the difference.",
      "Would a price match or a voucher for the difference suit you better?",
      "You can choose a partial refund or credit.",
    ],
  },
  followUp: [
    "I'll follow up with you by {time} to make sure everything is resolved.",
    "I'll check back with you once it's done to make sure you're happy.",
    "You'll hear from me again as soon as there's an update, even if it's just to confirm progress.",
  ],
  keepPromise: ["As promised, {promise}.", "Following up on what we promised: {promise}.", "As we agreed, {promise}."],
  thanksBack: [
    "Thank you for letting us know!",
    "Thanks so much for the kind words!",
    "Thank you, that means a lot to the team!",
  ],
  invite: [
    "If you have a moment, we'd love your feedback on how we did.",
    "If anything else comes up, just reply here.",
    "We'd be grateful if you shared your experience in a quick review.",
  ],
  boundary: [
    "I want to help you, and I'll need us to keep the conversation respectful to do that.",
    "I understand you're very upset, but I can't continue if the language is directed at me personally.",
    "I'm here to solve this with you; please let's keep this respectful so I can.",
  ],
  offerContinue: [
    "If you'd like, we can continue now, or I can have a senior colleague contact you.",
    "I'm happy to keep going as soon as you're ready, or to pass this to a supervisor.",
    "We can pick this up again whenever suits you, or I can escalate it to a supervisor now.",
  ],
  supervisor: [
    "I'd like to bring in my supervisor, who can authorise more than I can, to make sure this is resolved today.",
    "I'm escalating this to a supervisor now so you get a decision without more back and forth.",
    "Let me involve a senior colleague who can resolve this fully; they'll contact you by {time}.",
  ],
  refusalAlternative: [
    "While I can't {issue} directly, here's what I can do:",
    "That particular option isn't available, but I can offer an alternative:",
    "I'm not able to do exactly that, but I can help in another way:",
  ],
};

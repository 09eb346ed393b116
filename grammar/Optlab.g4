// The optlab language (LANGUAGE.md sections 2-4, 9). No actions: the parse tree is turned
// into an immutable AST by dev.optlab.syntax.AstBuilder. Statements start with a keyword, so
// newlines carry no meaning; ';' may separate statements on one line.
grammar Optlab;

program : SEMI* (statement SEMI*)* EOF ;

// One statement: the facade splits a script at statement keywords and parses each piece on its
// own, so one bad statement reports one error and the rest are still checked.
singleStatement : statement SEMI* EOF ;

// The REPL also accepts a bare expression (section 3: "or a bare expression in the REPL").
replExpression : expr SEMI* EOF ;

statement
  : LET name=ID ASSIGN expr                                                  # letStmt
  | DEF name=ID LPAREN (params+=ID (COMMA params+=ID)*)? RPAREN ASSIGN expr  # defStmt
  | OBJECTIVE name=ID LPAREN paramDecl (COMMA paramDecl)* RPAREN ASSIGN expr # objectiveStmt
  | OPTIMIZER name=ID ASSIGN optimizerSpec                                   # optimizerStmt
  | SCHEDULE name=ID LPAREN var=ID RPAREN mul=STAR? ASSIGN expr              # scheduleFnStmt
  | SCHEDULE name=ID ASSIGN scheduleSpec                                     # scheduleStmt
  | RUN runBody                                                              # runStmt
  | COMPARE compareBody                                                      # compareStmt
  | PRINT expr                                                               # printStmt
  | EXPLAIN (RUN runBody | COMPARE compareBody)                              # explainStmt
  | PLOT plotBody                                                            # plotStmt
  | DATA name=ID ASSIGN expr                                                 # dataStmt
  | REPORT file=STRING                                                       # reportStmt
  | LRFIND optimizerSpec ON objective=ID lrfindClause*                       # lrfindStmt
  | SWEEP optimizerSpec (COMMA optimizerSpec)* ON objective=ID sweepClause*  # sweepStmt
  | RULE name=ID LPAREN (ruleParam (COMMA ruleParam)* COMMA?)? RPAREN ruleBlock # ruleStmt
  ;

// A user-defined update rule (docs/rules.md): hyperparameters with defaults, then a body run
// for each parameter tensor at each step, one line per PyTorch operation.
ruleParam : name=ID (ASSIGN value=expr)? ;
ruleBlock : LBRACE SEMI* (ruleLine SEMI*)* RBRACE ;
ruleLine
  : STATE name=ID ASSIGN expr                      # stateLine
  | SHARED name=ID ASSIGN expr                     # sharedLine
  | ONCE ruleBlock                                 # onceLine
  | IF ruleCondition ruleBlock (ELSE (ruleBlock | elseIf=ruleLine))? # ifLine
  | REPEAT count=expr ruleBlock                    # repeatLine
  | EVAL ASSIGN expr                               # evalLine
  | name=ID ASSIGN expr                            # assignLine
  ;
ruleCondition
  : condition                                      # compareCondition
  | LPAREN ruleCondition RPAREN                    # parenCondition
  | left=ruleCondition AND right=ruleCondition     # andCondition
  | left=ruleCondition OR right=ruleCondition      # orCondition
  | expr                                           # truthCondition
  ;

// A sweep (docs/language.md, "sweep"): a run's clauses and the sweep's own, in any order. Its
// optimizers' arguments may be value sets `{a, b}`, `linspace`/`logspace` calls or draws `~`.
sweepClause
  : runClause                                        # sweepRunClause
  | TO file=STRING                                   # sweepToClause
  | SEEDS lo=expr DOTDOT hi=expr                     # sweepSeedsClause
  | SAMPLE expr                                      # sweepSampleClause
  | THREADS expr                                     # sweepThreadsClause
  | RESUME                                           # sweepResumeClause
  | BATCH LBRACE (expr (COMMA expr)* COMMA?)? RBRACE # sweepBatchClause
  | goal=(MINIMIZE | MAXIMIZE) which=ID? measure=ID  # sweepGoalClause
  ;

// fast.ai's learning-rate range test (docs/language.md, "lrfind"): the clauses in any order.
lrfindClause
  : FROM expr                  # lrFromClause
  | TO expr                    # lrToClause
  | STEPS expr                 # lrStepsClause
  | BATCH expr                 # lrBatchClause
  | SEED expr                  # lrSeedClause
  | SUGGEST ID (COMMA ID)*     # lrSuggestClause
  ;

// `report "FILE.html"` writes one self-contained HTML page of what the session ran, once the
// input holding it has finished (docs/plots.md, "Reports").

// Pictures (docs/plots.md). `plot run|compare|paths` take a run's body with the run's clauses and
// the plot's in any order; `plot schedule` previews schedules without running an optimizer;
// `plot lrfind` and `plot sweep` take their statement's clauses (a sweep's `to "FILE"` is the
// picture unless it names a .csv).
plotBody
  : kind=(RUN | COMPARE | PATHS) optimizerSpec (COMMA optimizerSpec)* ON objective=ID plotClause* # plotRuns
  | SCHEDULE scheduleSpec (COMMA scheduleSpec)* FOR steps=expr STEPS plotClause*                  # plotSchedules
  | LRFIND optimizerSpec ON objective=ID lrfindClause*                                           # plotLrfind
  | SWEEP optimizerSpec (COMMA optimizerSpec)* ON objective=ID sweepClause*                      # plotSweep
  ;

plotClause
  : runClause                                             # plotRunClause
  | TO STRING                                             # toClause
  | WITH shown=ID                                         # withClause
  | scale=ID STEPS                                        # axisClause
  | OVER LPAREN axisRange (COMMA axisRange)* RPAREN       # overClause
  | name=ID value=expr                                    # settingClause
  ;

// `x = -2 to 2`, or `-2 to 2` in the objective's parameter order.
axisRange : (name=ID ASSIGN)? lo=expr TO hi=expr ;

// `x = 1`; a tensor `W[4, 3] = 0` or `W[64, 128] ~ he` (docs/tensors.md).
paramDecl : name=ID shape? (ASSIGN expr | TILDE init=expr)? ;
shape : LBRACK expr (COMMA expr)* RBRACK ;

// `Adam(lr = 0.1)`, `adam`, `adam with (lr = 0.2)`; parameter groups (docs/language.md,
// "Parameter groups"): `Muon(lr = 0.02) for matrices + AdamW(lr = 3e-4) for others`.
optimizerSpec : optimizerGroup (PLUS optimizerGroup)* ;
optimizerGroup : optimizerCall (FOR groupSelector)? ;
optimizerCall : name=ID (LPAREN argList? RPAREN)? (WITH LPAREN argList? RPAREN)? ;
// `[W1, W2]`, or a word: `matrices`, `others` (AstBuilder checks which).
groupSelector : LBRACK ID (COMMA ID)* RBRACK | ID ;

// `cosine(T_max = 100)`, a declared name, or a chain `A for 100 then B`.
scheduleSpec : scheduleSegment (THEN scheduleSegment)* ;
scheduleSegment : expr (FOR length=expr)? ;

runBody : optimizerSpec ON objective=ID runClause* ;
compareBody : optimizerSpec (COMMA optimizerSpec)* ON objective=ID runClause* ;

// Checkpoints (docs/language.md, "Checkpoints"): `checkpoint "FILE.safetensors" every 100` writes
// the run's state, `resume "FILE.safetensors" for 500 more steps` goes on from one; a warm start
// is `from "FILE.safetensors"` (a fromClause whose expression is a string).
// An option is a name PyTorch users know: `clip_grad_norm = 1`, `clip_grad_value = 0.5`,
// `dtype = float32` (AstBuilder checks the name; the checker the dtype).
runClause
  : FROM expr                 # fromClause
  | FOR expr STEPS            # forClause
  | EVERY expr                # everyClause
  | UNTIL condition           # untilClause
  | TRACE STRING              # traceClause
  | FOR expr (EPOCHS | EPOCH) # epochsClause
  | BATCH expr                # batchClause
  | SEED expr                 # seedClause
  | METRICS ID (COMMA ID)*    # metricsClause
  | PER EPOCH                 # perEpochClause
  | CHECKPOINT STRING (EVERY every=expr)?   # checkpointClause
  | RESUME STRING             # resumeClause
  | FOR expr MORE_ unit=(STEPS | EPOCHS | EPOCH) # moreClause
  | name=ID ASSIGN expr       # optionClause
  ;

condition : left=expr op=(LT | LE | GT | GE | EQ | NE) right=expr ;

argList : arg (COMMA arg)* COMMA? ;
arg : (argName (ASSIGN | drawn=TILDE))? value=argValue ;
// Hyperparameter names may be words the language also uses as keywords (`schedule = ...`).
argName : ID | SCHEDULE | STEPS | TRACE | SEED | BATCH | MAXIMIZE | MINIMIZE ;
// `{a, b}` is a sweep's value set; AstBuilder refuses it (and `~`) anywhere else.
argValue : scheduleSpec | LBRACE (argValue (COMMA argValue)* COMMA?)? RBRACE ;

expr
  : primary                                    # atomExpr
  | <assoc=right> left=expr POW right=expr     # powerExpr
  | op=(MINUS | PLUS) operand=expr             # unaryExpr
  | left=expr op=(STAR | SLASH | AT) right=expr  # mulExpr
  | left=expr op=(PLUS | MINUS) right=expr     # addExpr
  ;

primary
  : NUMBER                                     # numberLit
  | (TRUE | FALSE)                             # boolLit
  | STRING                                     # stringLit
  | name=ID LPAREN argList? RPAREN             # callExpr
  | target=ID DOT field=ID                     # fieldExpr
  | target=ID LBRACK index=expr RBRACK         # indexExpr
  | name=ID                                    # nameExpr
  | LPAREN expr RPAREN                         # parenExpr
  | LPAREN argList RPAREN                      # tupleExpr
  | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK # listExpr
  ;

LET : 'let' ;
DEF : 'def' ;
OBJECTIVE : 'objective' ;
OPTIMIZER : 'optimizer' ;
SCHEDULE : 'schedule' ;
RUN : 'run' ;
COMPARE : 'compare' ;
PRINT : 'print' ;
EXPLAIN : 'explain' ;
PLOT : 'plot' ;
PATHS : 'paths' ;
TO : 'to' ;
OVER : 'over' ;
WITH : 'with' ;
THEN : 'then' ;
ON : 'on' ;
FROM : 'from' ;
FOR : 'for' ;
STEPS : 'steps' ;
EVERY : 'every' ;
UNTIL : 'until' ;
TRACE : 'trace' ;
DATA : 'data' ;
REPORT : 'report' ;
LRFIND : 'lrfind' ;
SWEEP : 'sweep' ;
SEEDS : 'seeds' ;
SAMPLE : 'sample' ;
THREADS : 'threads' ;
RESUME : 'resume' ;
MINIMIZE : 'minimize' ;
MAXIMIZE : 'maximize' ;
SUGGEST : 'suggest' ;
EPOCHS : 'epochs' ;
EPOCH : 'epoch' ;
BATCH : 'batch' ;
SEED : 'seed' ;
METRICS : 'metrics' ;
PER : 'per' ;
CHECKPOINT : 'checkpoint' ;
MORE_ : 'more' ; // MORE is a name ANTLR reserves
RULE : 'rule' ;
STATE : 'state' ;
SHARED : 'shared' ;
ONCE : 'once' ;
IF : 'if' ;
ELSE : 'else' ;
REPEAT : 'repeat' ;
EVAL : 'eval' ;
AND : 'and' ;
OR : 'or' ;
TRUE : 'true' ;
FALSE : 'false' ;

// `0..2` (a sweep's seeds) is 0, '..', 2: a '.' followed by another is not a decimal point.
NUMBER : DIGITS ('.' {_input.LA(1) != '.'}? DIGITS?)? EXPONENT? | '.' DIGITS EXPONENT? ;
fragment DIGITS : [0-9]+ ;
fragment EXPONENT : [eE] [+-]? DIGITS ;
ID : [a-zA-Z_] [a-zA-Z_0-9]* ;
STRING : '"' (~["\\\r\n] | '\\' .)* '"' ;
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' .)* ;

LPAREN : '(' ;
RPAREN : ')' ;
LBRACK : '[' ;
LBRACE : '{' ;
RBRACE : '}' ;
RBRACK : ']' ;
COMMA : ',' ;
SEMI : ';' ;
ASSIGN : '=' ;
LE : '<=' ;
GE : '>=' ;
EQ : '==' ;
NE : '!=' ;
LT : '<' ;
GT : '>' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
POW : '^' | '**' ; // '**' for people who write Python
AT : '@' ;
TILDE : '~' ;
DOTDOT : '..' ;
DOT : '.' ;

COMMENT : '#' ~[\r\n]* -> skip ;
// U+FEFF: the byte-order mark some editors put at the start of a UTF-8 file.
WS : [ \t\r\n\f\uFEFF]+ -> skip ;
// Anything else becomes one token the parser reports as "unexpected character".
ERROR_CHAR : . ;

"""Generic product words in Italian and English, for catalogues whose files give no English
names or aliases.

An export rep writes "bread knife" for "Coltello pane", an Italian colleague "padella" for a
product the company named "Frying pan". Each group below holds words that mean the same thing
for products, singular/plural written as `one/many`, Italian and English alike; a phrase may
be several words ("pressure cooker/pressure cookers"). The matcher (tools.matching) gives a
product every word of a group one of whose forms its name contains, and a family every plural
form of the group its code or name belongs to ("PADELLE" is also "pans").

The words are general — what shops, catalogues and dictionaries say for kitchen and table,
tools and hardware, bicycles, building and tiles, food, clothing, electrical goods, furniture,
packaging, materials, colours, sizes and spare parts — never one company's own product names;
a company's own words belong in its products file (`name_en`, `aliases`).
"""

from __future__ import annotations

from collections.abc import Iterator

GROUPS: tuple[str, ...] = (
    # kitchen and table
    "padella/padelle | pan/pans | frying pan/frying pans | skillet/skillets | fry pan/fry pans",
    "pentola/pentole | pot/pots | stockpot/stockpots | stock pot/stock pots"
    " | cooking pot/cooking pots",
    "casseruola/casseruole | saucepan/saucepans | sauce pan/sauce pans | casserole/casseroles",
    "tegame/tegami | shallow pan/shallow pans | braiser/braisers",
    "pentola a pressione/pentole a pressione | pressure cooker/pressure cookers",
    "wok/wok | wok/woks",
    "bistecchiera/bistecchiere | grill pan/grill pans | griddle/griddles | grill/grills",
    "saltapasta/saltapasta | saute pan/saute pans | sauteuse/sauteuses | sauté pan/sauté pans",
    "crepiera/crepiere | crepe pan/crepe pans | crepe maker/crepe makers",
    "pescera/pesciere | fish kettle/fish kettles | fish poacher/fish poachers",
    "scolapasta/scolapasta | colander/colanders | strainer/strainers",
    "coperchio/coperchi | lid/lids",
    "coltello/coltelli | knife/knives",
    "cuoco/cuochi | chef/chefs | cook/cooks",
    "pane/pane | bread/bread",
    "spelucchino/spelucchini | paring knife/paring knives | peeling knife/peeling knives",
    "filettare/filettare | filetto/filetti | fillet/fillets | filleting/filleting",
    "bistecca/bistecche | steak/steaks",
    "ceppo/ceppi | knife block/knife blocks | block/blocks",
    "mannaia/mannaie | cleaver/cleavers",
    "forbici/forbici | scissors/scissors | shears/shears",
    "tagliere/taglieri | cutting board/cutting boards | chopping board/chopping boards",
    "moka/moke | moka/mokas | moka pot/moka pots | stovetop espresso maker/stovetop espresso makers"
    " | espresso maker/espresso makers",
    "caffettiera/caffettiere | coffee maker/coffee makers | coffee pot/coffee pots",
    "caffe/caffe | coffee/coffee",
    "tazza/tazze | cup/cups | mug/mugs",
    "teiera/teiere | teapot/teapots",
    "bollitore/bollitori | kettle/kettles",
    "piatto/piatti | plate/plates | dish/dishes",
    "bicchiere/bicchieri | glass/glasses | tumbler/tumblers",
    "caraffa/caraffe | jug/jugs | carafe/carafes | pitcher/pitchers",
    "ciotola/ciotole | bowl/bowls",
    "posata/posate | cutlery/cutlery | flatware/flatware",
    "forchetta/forchette | fork/forks",
    "cucchiaio/cucchiai | spoon/spoons",
    "mestolo/mestoli | ladle/ladles",
    "schiumarola/schiumarole | skimmer/skimmers | slotted spoon/slotted spoons",
    "frusta/fruste | whisk/whisks",
    "pinza/pinze | tongs/tongs | pliers/pliers",
    "spatola/spatole | spatula/spatulas | turner/turners",
    "grattugia/grattugie | grater/graters",
    "teglia/teglie | baking tray/baking trays | baking pan/baking pans | sheet pan/sheet pans",
    "tortiera/tortiere | cake tin/cake tins | cake pan/cake pans",
    "stampo/stampi | mould/moulds | mold/molds",
    "pirofila/pirofile | baking dish/baking dishes | casserole dish/casserole dishes",
    "forno/forni | oven/ovens",
    "elettrico/elettrici | elettrica/elettriche | electric/electric",
    "induzione/induzione | induction/induction",
    "antiaderente/antiaderenti | non stick/non stick | nonstick/nonstick",
    "classico/classici | classica/classiche | classic/classic",
    "design/design | designer/designer",
    "edizione/edizioni | edition/editions",
    "universale/universali | universal/universal",
    "alto/alti | alta/alte | tall/tall | high/high",
    "conico/conici | conica/coniche | conical/conical | tapered/tapered",
    "confezione/confezioni | conf/conf | pack/packs | package/packages",
    "set/set | set/sets | kit/kits",
    # parts and spares
    "ricambio/ricambi | spare/spares | spare part/spare parts | part/parts"
    " | replacement/replacements",
    "guarnizione/guarnizioni | gasket/gaskets | seal/seals | o ring/o rings",
    "filtro/filtri | filter/filters",
    "valvola/valvole | valve/valves",
    "sicurezza/sicurezza | safety/safety",
    "manico/manici | handle/handles",
    "impugnatura/impugnature | grip/grips",
    "pomolo/pomoli | pomello/pomelli | knob/knobs",
    "vite/viti | screw/screws",
    "bullone/bulloni | bolt/bolts",
    "dado/dadi | nut/nuts",
    "rondella/rondelle | washer/washers",
    "molla/molle | spring/springs",
    "cuscinetto/cuscinetti | bearing/bearings",
    "cerniera/cerniere | hinge/hinges",
    "tubo/tubi | tube/tubes | pipe/pipes | hose/hoses",
    "cavo/cavi | cable/cables",
    "batteria/batterie | battery/batteries",
    "caricatore/caricatori | charger/chargers",
    "lampadina/lampadine | bulb/bulbs",
    "interruttore/interruttori | switch/switches",
    "presa/prese | socket/sockets | plug/plugs",
    "motore/motori | motor/motors | engine/engines",
    "pompa/pompe | pump/pumps",
    "ingranaggio/ingranaggi | gear/gears",
    "cinghia/cinghie | belt/belts",
    "lama/lame | blade/blades",
    "punta/punte | drill bit/drill bits | bit/bits | tip/tips",
    "trapano/trapani | drill/drills",
    "martello/martelli | hammer/hammers",
    "cacciavite/cacciaviti | screwdriver/screwdrivers",
    "chiave/chiavi | wrench/wrenches | spanner/spanners",
    "sega/seghe | saw/saws",
    "colla/colle | glue/glues | adhesive/adhesives",
    "nastro/nastri | tape/tapes",
    # bicycles
    "bicicletta/biciclette | bici/bici | bicycle/bicycles | bike/bikes",
    "telaio/telai | frame/frames",
    "ruota/ruote | wheel/wheels",
    "cerchio/cerchi | rim/rims",
    "raggio/raggi | spoke/spokes",
    "mozzo/mozzi | hub/hubs",
    "pneumatico/pneumatici | copertone/copertoni | gomma/gomme | tyre/tyres | tire/tires",
    "camera d aria/camere d aria | inner tube/inner tubes",
    "freno/freni | brake/brakes",
    "pastiglia/pastiglie | pad/pads | brake pad/brake pads",
    "disco/dischi | disc/discs | disk/disks | rotor/rotors",
    "pinza freno/pinze freno | caliper/calipers",
    "catena/catene | chain/chains",
    "cassetta/cassette | cassette/cassettes | sprocket/sprockets",
    "pignone/pignoni | cog/cogs",
    "corona/corone | chainring/chainrings",
    "guarnitura/guarniture | crankset/cranksets | crank/cranks",
    "deragliatore/deragliatori | derailleur/derailleurs | cambio/cambi | shifter/shifters",
    "pedale/pedali | pedal/pedals",
    "sella/selle | saddle/saddles | seat/seats",
    "reggisella/reggisella | seatpost/seatposts | seat post/seat posts",
    "manubrio/manubri | handlebar/handlebars",
    "forcella/forcelle | fork/forks",
    "casco/caschi | helmet/helmets",
    "luce/luci | fanale/fanali | light/lights | lamp/lamps | lite/lites",
    "trasmissione/trasmissioni | drivetrain/drivetrains | transmission/transmissions",
    "anteriore/anteriori | front/front | ant/ant",
    "posteriore/posteriori | rear/rear",
    "portaborraccia/portaborracce | bottle cage/bottle cages",
    "borraccia/borracce | bottle/bottles | water bottle/water bottles",
    "lucchetto/lucchetti | lock/locks",
    "campanello/campanelli | bell/bells",
    "pollice/pollici | inch/inches",
    "velocita/velocita | speed/speeds",
    "donna/donne | women/women | woman/women | lady/ladies",
    "uomo/uomini | men/men | man/men",
    "bambino/bambini | child/children | kid/kids | junior/junior",
    "urbano/urbani | urban/urban | city/city",
    "strada/strada | road/road",
    # building, tiles, home
    "piastrella/piastrelle | tile/tiles",
    "pavimento/pavimenti | floor/floors | flooring/flooring",
    "rivestimento/rivestimenti | wall tile/wall tiles | cladding/cladding",
    "mattone/mattoni | brick/bricks",
    "cemento/cemento | cement/cement | concrete/concrete",
    "vernice/vernici | pittura/pitture | paint/paints",
    "rubinetto/rubinetti | tap/taps | faucet/faucets",
    "lavandino/lavandini | lavello/lavelli | sink/sinks",
    "doccia/docce | shower/showers",
    "porta/porte | door/doors",
    "finestra/finestre | window/windows",
    "sedia/sedie | chair/chairs",
    "tavolo/tavoli | table/tables",
    "letto/letti | bed/beds",
    "armadio/armadi | wardrobe/wardrobes | cabinet/cabinets",
    "scaffale/scaffali | shelf/shelves | shelving/shelving",
    "cuscino/cuscini | pillow/pillows | cushion/cushions",
    "lampada/lampade | lamp/lamps",
    # food
    "olio/oli | oil/oils",
    "farina/farine | flour/flours",
    "zucchero/zuccheri | sugar/sugars",
    "sale/sali | salt/salts",
    "riso/risi | rice/rice",
    "formaggio/formaggi | cheese/cheeses",
    "latte/latte | milk/milk",
    "vino/vini | wine/wines",
    "birra/birre | beer/beers",
    "acqua/acque | water/waters",
    "succo/succhi | juice/juices",
    "biscotto/biscotti | biscuit/biscuits | cookie/cookies",
    "cioccolato/cioccolati | chocolate/chocolates",
    "pomodoro/pomodori | tomato/tomatoes",
    "pasta/pasta | pasta/pastas",
    "fresco/freschi | fresca/fresche | fresh/fresh",
    "secco/secchi | secca/secche | dry/dry | dried/dried",
    "integrale/integrali | wholewheat/wholewheat | wholemeal/wholemeal | wholegrain/wholegrain"
    " | whole wheat/whole wheat | whole grain/whole grain",
    "surgelato/surgelati | surgelata/surgelate | frozen/frozen",
    "biologico/biologici | biologica/biologiche | bio/bio | organic/organic",
    "uovo/uova | egg/eggs",
    "patata/patate | potato/potatoes",
    "basilico/basilico | basil/basil",
    "aglio/aglio | garlic/garlic",
    "cipolla/cipolle | onion/onions",
    "funghi/funghi | fungo/funghi | mushroom/mushrooms",
    "spinaci/spinaci | spinach/spinach",
    "carne/carni | meat/meats",
    "pesce/pesci | fish/fish",
    "pollo/polli | chicken/chickens",
    "prosciutto/prosciutti | ham/hams",
    "ripieno/ripieni | ripiena/ripiene | stuffed/stuffed | filled/filled",
    "semola/semole | semolina/semolina",
    "confezione/confezioni | conf/conf | pack/packs | package/packages",
    "sfuso/sfusi | sfusa/sfuse | loose/loose | bulk/bulk",
    "salsa/salse | sugo/sughi | sauce/sauces",
    "bottiglia/bottiglie | bottle/bottles",
    "vasetto/vasetti | barattolo/barattoli | jar/jars",
    "lattina/lattine | latta/latta | tin/tins | tin can/tin cans",
    "sacco/sacchi | bag/bags | sack/sacks",
    "scatola/scatole | box/boxes | carton/cartons",
    # clothing
    "maglia/maglie | maglietta/magliette | shirt/shirts | t shirt/t shirts | jersey/jerseys",
    "giacca/giacche | jacket/jackets",
    "pantaloni/pantaloni | trousers/trousers | pants/pants",
    "scarpa/scarpe | shoe/shoes",
    "guanto/guanti | glove/gloves",
    "calza/calze | calzino/calzini | sock/socks",
    "cappello/cappelli | hat/hats | cap/caps",
    "borsa/borse | bag/bags",
    "zaino/zaini | backpack/backpacks | rucksack/rucksacks",
    "taglia/taglie | size/sizes | sz/sz | tg/tg",
    "accessorio/accessori | accessory/accessories",
    "piccolo/piccoli | piccola/piccole | small/small",
    "medio/medi | media/medie | medium/medium",
    "grande/grandi | large/large | big/big",
    "mini/mini | mini/mini",
    "lungo/lunghi | lunga/lunghe | long/long",
    "corto/corti | corta/corte | short/short",
    "largo/larghi | larga/larghe | wide/wide",
    "stretto/stretti | stretta/strette | narrow/narrow",
    "rotondo/rotondi | rotonda/rotonde | round/round",
    "quadrato/quadrati | quadrata/quadrate | square/square",
    "piano/piani | piana/piane | flat/flat",
    "fondo/fondi | fonda/fonde | deep/deep",
    # materials
    "inox/inox | acciaio inox/acciaio inox | acciaio/acciai | stainless/stainless"
    " | stainless steel/stainless steel | steel/steel",
    "ghisa/ghisa | cast iron/cast iron",
    "ferro/ferro | iron/iron",
    "alluminio/alluminio | aluminium/aluminium | aluminum/aluminum",
    "rame/rame | copper/copper",
    "ottone/ottone | brass/brass",
    "titanio/titanio | titanium/titanium",
    "carbonio/carbonio | carbon/carbon",
    "legno/legni | wood/wood | wooden/wooden",
    "vetro/vetri | glass/glass",
    "ceramica/ceramiche | ceramic/ceramics",
    "porcellana/porcellane | porcelain/porcelain",
    "gres/gres | stoneware/stoneware",
    "pietra/pietre | stone/stones",
    "marmo/marmi | marble/marble",
    "plastica/plastiche | plastic/plastics",
    "gomma/gomme | rubber/rubber",
    "silicone/siliconi | silicone/silicone",
    "pelle/pelli | cuoio/cuoio | leather/leather",
    "cotone/cotone | cotton/cotton",
    "lana/lana | wool/wool",
    "bachelite/bachelite | bakelite/bakelite",
    "gel/gel | gel/gel",
    # colours
    "rosso/rossi | rossa/rosse | red/red",
    "nero/neri | nera/nere | black/black",
    "bianco/bianchi | bianca/bianche | white/white",
    "blu/blu | azzurro/azzurri | azzurra/azzurre | blue/blue",
    "verde/verdi | green/green",
    "giallo/gialli | gialla/gialle | yellow/yellow",
    "arancione/arancioni | orange/orange",
    "grigio/grigi | grigia/grigie | grey/grey | gray/gray",
    "marrone/marroni | brown/brown",
    "rosa/rosa | pink/pink",
    "viola/viola | purple/purple",
    "oro/oro | dorato/dorati | gold/gold | golden/golden",
    "argento/argento | argentato/argentati | silver/silver",
)


# Words in the names of places and sales territories, as each language says them: points of
# the compass, parts of a country, "abroad"; then countries, regions and cities. A territory named
# "Nord-Ovest" also answers to "north-west", "Isole" to "islands", "Export" to "estero".
PLACES: tuple[str, ...] = (
    "nord | north | settentrione | northern | settentrionale",
    "sud | south | meridione | southern | meridionale | mezzogiorno",
    "est | east | eastern | orientale",
    "ovest | west | western | occidentale",
    "centro | centre | center | central | centrale",
    "isole | islands | isles | insulare",
    "isola | island",
    "export | estero | abroad | foreign | international | internazionale | overseas",
)
# Names of countries, regions and cities that differ between the languages.
PLACE_NAMES: tuple[str, ...] = (
    "italia | italy",
    "francia | france",
    "germania | germany",
    "spagna | spain",
    "svizzera | switzerland",
    "austria | austria",
    "belgio | belgium",
    "olanda | paesi bassi | netherlands | holland",
    "regno unito | united kingdom | uk | great britain | gran bretagna",
    "stati uniti | united states | usa",
    "europa | europe",
    "portogallo | portugal",
    "grecia | greece",
    "polonia | poland",
    "milano | milan",
    "torino | turin",
    "firenze | florence",
    "venezia | venice",
    "napoli | naples",
    "roma | rome",
    "genova | genoa",
    "padova | padua",
    "mantova | mantua",
    "sicilia | sicily",
    "sardegna | sardinia",
    "lombardia | lombardy",
    "piemonte | piedmont",
    "toscana | tuscany",
)


def place_words(word: str, *, names_only: bool = False) -> tuple[str, ...]:
    """Every way of saying a word of a place's name (the word itself first); with
    `names_only`, only proper names ("milan"), not the compass words ("centrale")."""
    for line in PLACE_NAMES if names_only else PLACES + PLACE_NAMES:
        forms = [f.strip() for f in line.split("|")]
        if word in forms:
            return (word, *(f for f in forms if f != word))
    return (word,)


# Words for how a product is packed ("latta", "pack", "conf"): a name apart from another's
# only by these and its size is the same thing in another size. The groups above whose first
# word is one of these, and "formato" (size).
PACKS = frozenset(
    word
    for group in GROUPS
    if group.split("/")[0] in ("lattina", "vasetto", "bottiglia", "sacco", "scatola", "confezione")
    for form in group.split("|")
    for one in form.strip().split("/")
    for word in one.split()
) | {"formato", "formati", "size", "sizes"}

# Words that mark the plain version of a product ("Moka Classica 6 tazze" next to "Moka
# Induzione 6 tazze", "Spaghetti di semola 500 g" next to "Spaghetti integrali 500 g"): a
# question that leaves them out means that one.
PLAIN = frozenset(
    [
        "plain",
        "semola",  # durum wheat: pasta that is not wholewheat, egg or gluten-free
        "semolina",
        "durum",
        "classico",
        "classica",
        "classici",
        "classiche",
        "classic",
        "standard",
        "base",
        "basic",
        "original",
        "originale",
        "regular",
        "normale",
        "normal",
        "tradizionale",
        "traditional",
    ]
)


def _forms(form: str) -> tuple[str, str]:
    one, _, many = form.partition("/")
    return one.strip(), (many or one).strip()


def groups() -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each group as (every form, its plural forms), folded phrases."""
    for line in GROUPS:
        pairs = [_forms(f) for f in line.split("|")]
        every = tuple(dict.fromkeys(f for pair in pairs for f in pair))
        plural = tuple(dict.fromkeys(many for _, many in pairs))
        yield every, plural

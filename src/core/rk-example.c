/* rk-example.c: the example data set of the programme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Eight projects of the Ruhr-Konferenz, their partner organisations, the
 * three members of the advisory board and its constituent meeting, from
 * public sources (domain.md). The set holds only what those sources say: no
 * status, sum or date is made up. No minutes of the board are public, so
 * the one note in the set says nothing about what was discussed: it is
 * plainly marked as an example of the format.
 * Where a source gives a figure that is not a project volume (a sum per
 * year, for one year, up to a date) or marks a point as an inference, the
 * project's texts say so instead of a field pretending to know more.
 *
 * The texts are German, the language of the programme, like the names of
 * the seeded fields and municipalities: they are data, not interface, and
 * are not translated.
 *
 * Every row has a fixed key, the same on every install, so that loading is
 * idempotent and two copies that both load the set do not end up with two
 * of everything. The keys are UUID version 5 of names such as
 * "project/spin" in the namespace uuid5(NAMESPACE_URL,
 * "urn:org.nrw.RuhrKonferenz:example") = e18ab7c0-8436-5e31-a0e6-5fa736ec933c.
 */
#define G_LOG_DOMAIN "rk-example"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rk-database-private.h"
#include "rk-example.h"

/* The fixed keys of the seeded reference rows (rk-schema.c). */
#define FIELD_MOBILITY  "013d95f2-394c-5685-a211-d33321d564f9"
#define FIELD_ECONOMY   "fa286129-ddb4-5850-8311-89ad8bd5bd68"
#define FIELD_DIVERSITY "5a540593-f64e-567f-a631-068c2d16ffb5"
#define FIELD_ENERGY    "3d4871be-ff18-57ca-9c0c-6140cba11d56"
#define FIELD_EDUCATION "8c57e2b9-68fb-5100-99c6-59c8d299543d"

#define MUNICIPALITY_DORTMUND "e05a1ffd-c764-5a24-916e-aabb7fb8db35"
#define MUNICIPALITY_DUISBURG "6ee07f8e-27f4-51af-ab36-dbe1e4acc30d"
#define MUNICIPALITY_ESSEN    "39410dd2-c74b-5ff8-9602-f701b140e45c"

#define P_RESEARCH_ALLIANCE "24159a30-5ebe-5e53-bb87-f7bdcc5a87b8"
#define P_SIKO_RUHR         "dd3aaf1e-c0b9-5278-bb6a-de1fb2015f39"
#define P_SPIN              "e506e290-9933-50be-8abc-e4643cd48d5d"
#define P_NEUE_KUENSTE      "4af23ed8-2e06-5c0d-bd4a-71712e6a2b44"
#define P_MODELLDESTINATION "33277ac3-0d25-5d45-916c-b20f33c06d0e"
#define P_FAMILIENZENTREN   "1f7556c6-dbf0-5bb2-a869-b50559319075"
#define P_INNAMORUHR        "0a023f8c-bf3e-579b-85ef-55cec0ec674a"
#define P_KLIMARESILIENZ    "1ffe990a-159f-5b4e-8179-1044370fb60d"

#define O_RUB               "c2d26a7d-ce5f-5fae-b0b7-f43cf98da5fc"
#define O_TU_DORTMUND       "db572d60-8f35-5970-adcf-5a45c696f9b5"
#define O_UDE               "9e1ff78c-8c23-5d85-bc3d-2ba0bb6f947f"
#define O_UA_RUHR           "293b3bc3-4805-5cd3-af26-2ff9ce4259f7"
#define O_LANDESPOLIZEI     "5fa0d19d-ee99-5135-ae14-4e73e294eb0d"
#define O_BUNDESPOLIZEI     "90d10a20-facb-5daa-9bfb-cd335f07f4dc"
#define O_ZOLL              "3ffcf692-d99e-5476-93ed-dff1a9fc69db"
#define O_STADT_ESSEN       "1c146b87-2461-5fc6-a417-9b11f3243826"
#define O_STADT_DUISBURG    "5b9155f1-5501-5d31-b4c0-6612b30f5b5a"
#define O_STADT_DORTMUND    "5084715f-927a-50ff-9b37-34d79bbaca09"
#define O_RWE_GENERATION    "99e5c7cc-15de-5c47-891c-34e869d0031e"
#define O_SIEMENS           "298f10b6-8a08-5b5c-9f8a-0167aa039a46"
#define O_STEAG             "c1908f6e-855f-59fd-9b8d-b8ca0a21b06e"
#define O_THYSSENKRUPP      "23af6993-e912-5418-a6ed-e0780bda7843"
#define O_FRAUNHOFER        "c7a67c42-31a5-5998-a749-21f25662ceda"
#define O_RUHR_HUB          "56832657-0eb9-512d-b62b-f56f415d75c6"
#define O_EWG_ESSEN         "8f113b9f-1795-5b05-b028-96cf3078756c"
#define O_ZENIT             "57c6458c-09c4-5121-b15a-6b3ca2330b40"
#define O_SPIN_EV           "f35e498e-33b6-5f84-a5ff-f5f1009183f4"
#define O_URBAN_ARTS        "b36deda3-e807-55c2-9f70-4be8a8f72299"
#define O_NEUER_ZIRKUS      "e1b4727a-5c45-57ee-8063-037f0f205e93"
#define O_RUHR_TOURISMUS    "bb6a34a9-6a94-59c0-87c1-e7c9f1586539"
#define O_RVR               "c7f9b756-0734-5957-9f51-2915fed90e0a"
#define O_ISA               "d8863fa8-3d80-5e4a-bf55-e180b539ae27"
#define O_WUEBBEN           "6f8e4dbd-03a6-5007-afc9-f426ad816923"
#define O_AURIDIS           "06a4f37f-2f64-575d-8b88-6d796f432530"
#define O_DSW21             "25feee1a-db0e-522a-a177-cf9317e89fa6"
#define O_VRR               "d226af7c-7568-52dc-ae15-188dadd4ac43"
#define O_BOGESTRA          "d63291d2-584f-58f6-850e-93e14d8bbd88"
#define O_DVG               "611558da-db0d-5522-8476-0781c87cbb05"
#define O_EGLV              "28a1b80e-0c9f-5d51-b4df-817cd2b59c86"

/* No source gives the status of these projects, so the rows keep the
 * schema's default status, and every project says so where a reader of its
 * page looks for the status. */
#define EXAMPLE_NOTE \
  "Beispieldaten aus öffentlichen Quellen zur Ruhr-Konferenz. Der Status " \
  "des Projekts ist dort nicht angegeben; der eingetragene Status ist nur " \
  "die Voreinstellung. "

#define ORGANISATION_NOTE \
  "Beispieldaten aus öffentlichen Quellen zur Ruhr-Konferenz."

/* A volume of -1 is not known as a sum for the whole project and stays
 * NULL. Start and end dates stay NULL throughout: the sources give years
 * ("bis 2030", "bis 2022") but no dates, and those years are in the texts. */
static const struct {
  const char *id;
  const char *code;
  const char *title;
  const char *goal;
  const char *field_id;
  const char *lead_ministry;
  gint64      volume_cents;
  const char *current_status;
  const char *outlook;
} projects[] = {
  {
    P_RESEARCH_ALLIANCE, NULL,
    "Research Alliance Ruhr (Research Departments der UA Ruhr)",
    "Die Ruhr-Universität Bochum, die TU Dortmund und die Universität "
    "Duisburg-Essen bauen als Universitätsallianz Ruhr gemeinsame Research "
    "Departments auf.",
    FIELD_EDUCATION, "MKW", G_GINT64_CONSTANT (12300000000),
    EXAMPLE_NOTE
    "Vertrag am 7. Juli 2021, Eröffnung am 24. Oktober 2023. Für den Aufbau "
    "2022–2025 sind 123 Mio. € genannt; diese Summe ist als Projektvolumen "
    "eingetragen, sie gilt für die Aufbauphase.",
    ""
  },
  {
    P_SIKO_RUHR, NULL,
    "SiKo Ruhr – Sicherheitskooperation Ruhr",
    "Landespolizei NRW, Bundespolizei, Generalzolldirektion und die Städte "
    "Essen, Duisburg und Dortmund arbeiten in der Sicherheitskooperation "
    "Ruhr zusammen.",
    FIELD_DIVERSITY, "MI", -1,
    EXAMPLE_NOTE
    "Die Vereinbarung wurde am 22. Juni 2020 unterzeichnet; Sitz der "
    "Kooperation ist Essen. Die Zuordnung zum Handlungsfeld „Gelebte "
    "Vielfalt – starker Zusammenhalt“ ist erschlossen, nicht in den Quellen "
    "belegt.",
    ""
  },
  {
    P_SPIN, NULL,
    "Spitzencluster Industrielle Innovationen (SPIN)",
    "Im Spitzencluster Industrielle Innovationen arbeiten RWE Generation, "
    "Siemens, STEAG und thyssenkrupp mit Fraunhofer, ruhr:HUB, EWG Essen und "
    "ZENIT zusammen; getragen wird der Cluster vom SPIN e.V.",
    FIELD_ENERGY, "MWIDE", -1,
    EXAMPLE_NOTE
    "Start am 22. November 2019. Für das erste Jahr sind 15 Mio. € genannt; "
    "ein Gesamtvolumen ist nicht angegeben und daher nicht eingetragen.",
    ""
  },
  {
    P_NEUE_KUENSTE, NULL,
    "Neue Künste Ruhr",
    "Das Land fördert neue Künste im Ruhrgebiet; dazu gibt es Projektbüros "
    "für Urban Arts und für Neuen Zirkus.",
    FIELD_DIVERSITY, "MKW", -1,
    EXAMPLE_NOTE
    "Ab 2022 sind 4 Mio. € pro Jahr genannt; ein Gesamtvolumen ist nicht "
    "angegeben und daher nicht eingetragen.",
    "Das Projekt läuft bis 2030."
  },
  {
    P_MODELLDESTINATION, NULL,
    "Metropole Ruhr: Digitale Modelldestination",
    "Die Metropole Ruhr wird mit der Ruhr Tourismus GmbH und dem "
    "Regionalverband Ruhr zur digitalen Modelldestination.",
    FIELD_ECONOMY, "MWIDE", G_GINT64_CONSTANT (150000000),
    EXAMPLE_NOTE
    "Genannt sind 1,5 Mio. € insgesamt bei einer Laufzeit bis 2022.",
    ""
  },
  {
    P_FAMILIENZENTREN, NULL,
    "Familiengrundschulzentren im Ruhrgebiet",
    "Grundschulen im Ruhrgebiet werden zu Familiengrundschulzentren; ab dem "
    "Schuljahr 2021/22 sind es 40 Zentren.",
    FIELD_EDUCATION, "MSB", -1,
    EXAMPLE_NOTE
    "40 Familiengrundschulzentren ab dem Schuljahr 2021/22 in 12 Kommunen, "
    "die in den Quellen nicht einzeln genannt sind. Bis Ende 2022 sind "
    "3 Mio. € genannt; ein Gesamtvolumen ist nicht angegeben und daher nicht "
    "eingetragen.",
    ""
  },
  {
    /* The code is that of the ministry project "Mobilitätsregion", of which
     * InnaMoRuhr is a part; the title says both. */
    P_INNAMORUHR, "13-02_VM",
    "Mobilitätsregion: InnaMoRuhr",
    "Im Projekt InnaMoRuhr, einem Teil der Mobilitätsregion, arbeiten die "
    "Universitätsallianz Ruhr, DSW21, VRR, BOGESTRA und DVG zusammen.",
    FIELD_MOBILITY, "VM", -1,
    EXAMPLE_NOTE
    "Der Förderbescheid wurde am 27. Juli übergeben; das Jahr 2020 ist "
    "erschlossen, nicht in den Quellen belegt. Der Projektcode 13-02_VM ist "
    "der des Projekts „Mobilitätsregion“, zu dem InnaMoRuhr gehört.",
    ""
  },
  {
    P_KLIMARESILIENZ, NULL,
    "Klimaresiliente Region / Offensive Grüne Infrastruktur 2030",
    "Mit der Offensive Grüne Infrastruktur 2030 soll das Ruhrgebiet eine "
    "klimaresiliente Region werden; Partner sind Emschergenossenschaft und "
    "Lippeverband.",
    FIELD_ENERGY, "MULNV", -1,
    EXAMPLE_NOTE
    "Der Fortschrittsbericht 2020 stellt das Projekt als Beispiel für sein "
    "Handlungsfeld vor.",
    ""
  },
};

/* Only dated facts of the sources; all of them lie in the past. */
static const struct {
  const char *id;
  const char *project_id;
  const char *date;
  const char *text;
} milestones[] = {
  { "a7600107-8505-5d04-86bf-72fa9d60901f", P_RESEARCH_ALLIANCE, "2021-07-07",
    "Vertrag zur Research Alliance Ruhr geschlossen" },
  { "a586c6f9-a95e-511f-bef3-82cdc96679fd", P_RESEARCH_ALLIANCE, "2023-10-24",
    "Research Alliance Ruhr eröffnet" },
  { "344cd8f3-c3e0-5942-8be4-19b06a7b6f24", P_SIKO_RUHR, "2020-06-22",
    "Vereinbarung zur Sicherheitskooperation Ruhr unterzeichnet" },
  { "83bd0e43-dc7f-5f73-bb92-748519010eb2", P_SPIN, "2019-11-22",
    "Spitzencluster Industrielle Innovationen gestartet" },
  { "b360dc37-b37e-50de-97e2-1cb490348fef", P_INNAMORUHR, "2020-07-27",
    "Förderbescheid übergeben (27. Juli; das Jahr 2020 ist erschlossen, nicht belegt)" },
};

/* Municipalities only where a source names them for the project: SiKo Ruhr
 * has its seat in Essen and the cities of Essen, Duisburg and Dortmund as
 * partners. The home cities of InnaMoRuhr's transport companies are not
 * named as the project's area, so they are not linked. */
static const struct {
  const char *id;
  const char *project_id;
  const char *municipality_id;
} project_municipalities[] = {
  { "d674fd96-a7c2-5771-a41c-09894d076fe2", P_SIKO_RUHR, MUNICIPALITY_ESSEN },
  { "803aa128-770d-5cec-9484-6b5bf6ac6d9b", P_SIKO_RUHR, MUNICIPALITY_DUISBURG },
  { "ff5ee459-d309-51f4-ac91-022d9a3bdc1c", P_SIKO_RUHR, MUNICIPALITY_DORTMUND },
};

/* The names as the sources give them. Where the sources do not say what
 * kind of body an organisation is (ruhr:HUB, EWG Essen, ZENIT, the project
 * offices, the foundations, VRR), its kind is "other" rather than a guess. */
static const struct {
  const char *id;
  const char *name;
  const char *kind;
  const char *municipality_id;
  const char *address;
} organisations[] = {
  { O_RUB, "Ruhr-Universität Bochum", "research", NULL, "" },
  { O_TU_DORTMUND, "TU Dortmund", "research", NULL, "" },
  { O_UDE, "Universität Duisburg-Essen", "research", NULL, "" },
  { O_UA_RUHR, "Universitätsallianz Ruhr (UA Ruhr)", "research", NULL, "" },
  { O_LANDESPOLIZEI, "Landespolizei NRW", "authority", NULL, "" },
  { O_BUNDESPOLIZEI, "Bundespolizei", "authority", NULL, "" },
  { O_ZOLL, "Generalzolldirektion", "authority", NULL, "" },
  { O_STADT_ESSEN, "Stadt Essen", "municipality", MUNICIPALITY_ESSEN, "" },
  { O_STADT_DUISBURG, "Stadt Duisburg", "municipality", MUNICIPALITY_DUISBURG, "" },
  { O_STADT_DORTMUND, "Stadt Dortmund", "municipality", MUNICIPALITY_DORTMUND, "" },
  { O_RWE_GENERATION, "RWE Generation", "company", NULL, "" },
  { O_SIEMENS, "Siemens", "company", NULL, "" },
  { O_STEAG, "STEAG", "company", NULL, "" },
  { O_THYSSENKRUPP, "thyssenkrupp", "company", NULL, "" },
  { O_FRAUNHOFER, "Fraunhofer", "research", NULL, "" },
  { O_RUHR_HUB, "ruhr:HUB", "other", NULL, "" },
  { O_EWG_ESSEN, "EWG Essen", "other", NULL, "" },
  { O_ZENIT, "ZENIT", "other", NULL, "" },
  { O_SPIN_EV, "SPIN e.V.", "association", NULL, "" },
  { O_URBAN_ARTS, "Projektbüro Urban Arts", "other", NULL, "" },
  { O_NEUER_ZIRKUS, "Projektbüro Neuer Zirkus", "other", NULL, "" },
  { O_RUHR_TOURISMUS, "Ruhr Tourismus GmbH", "company", NULL, "" },
  { O_RVR, "Regionalverband Ruhr", "association", NULL, "" },
  { O_ISA, "Institut für soziale Arbeit e.V.", "association", NULL, "Münster" },
  { O_WUEBBEN, "Wübben Stiftung", "other", NULL, "" },
  { O_AURIDIS, "Auridis Stiftung", "other", NULL, "" },
  { O_DSW21, "DSW21", "company", NULL, "" },
  { O_VRR, "VRR", "other", NULL, "" },
  { O_BOGESTRA, "BOGESTRA", "company", NULL, "" },
  { O_DVG, "DVG", "company", NULL, "" },
  { O_EGLV, "Emschergenossenschaft/Lippeverband", "association", NULL, "" },
};

/* Roles: the SPIN e.V. runs its cluster; the two foundations fund the
 * Familiengrundschulzentren; everyone else is a partner, as no source names
 * a lead partner. */
static const struct {
  const char *id;
  const char *project_id;
  const char *organisation_id;
  const char *role;
} project_partners[] = {
  { "07184c27-2db1-5b08-a79c-563c8ea62805", P_RESEARCH_ALLIANCE, O_RUB, "partner" },
  { "52f879de-c07e-5200-84fe-4bd0d1ef8775", P_RESEARCH_ALLIANCE, O_TU_DORTMUND, "partner" },
  { "296d7805-467e-5fee-b25d-00669376de2b", P_RESEARCH_ALLIANCE, O_UDE, "partner" },
  { "4a74dc55-24a9-5068-a4a4-71c3017eff57", P_RESEARCH_ALLIANCE, O_UA_RUHR, "partner" },
  { "4089f65a-6a91-592e-a1ed-4cf281d0f214", P_SIKO_RUHR, O_LANDESPOLIZEI, "partner" },
  { "733d8259-ab14-5b3e-8aea-665a2b77074b", P_SIKO_RUHR, O_BUNDESPOLIZEI, "partner" },
  { "ae109da2-5348-5ce1-bebe-caf8dacfae83", P_SIKO_RUHR, O_ZOLL, "partner" },
  { "90fdb7e5-35b5-5029-8dc6-9d69f2523f7b", P_SIKO_RUHR, O_STADT_ESSEN, "partner" },
  { "ce2f3baa-fe55-5135-a873-ea415723aeac", P_SIKO_RUHR, O_STADT_DUISBURG, "partner" },
  { "1ff9bdc8-3461-567b-b010-f15f3c709bb1", P_SIKO_RUHR, O_STADT_DORTMUND, "partner" },
  { "d53fbeb2-bc00-5532-9626-ec54fdc0f85c", P_SPIN, O_SPIN_EV, "lead_partner" },
  { "dcf6f44c-9529-53ed-94a4-4f626051e303", P_SPIN, O_RWE_GENERATION, "partner" },
  { "510db44f-8ece-50b2-acdc-b6311ab0d406", P_SPIN, O_SIEMENS, "partner" },
  { "71e69993-cbd5-5d9f-8cb3-919c2db90c61", P_SPIN, O_STEAG, "partner" },
  { "8848629b-fb84-52c7-b5cd-546ed1490883", P_SPIN, O_THYSSENKRUPP, "partner" },
  { "88650c4c-b664-570f-88e0-92d212ea258b", P_SPIN, O_FRAUNHOFER, "partner" },
  { "15b438fb-3df2-5756-a43e-b31926b95743", P_SPIN, O_RUHR_HUB, "partner" },
  { "e3d0c0e9-345b-5e8e-8fb6-63db9e5b1623", P_SPIN, O_EWG_ESSEN, "partner" },
  { "762a7f1b-90e2-59eb-bfab-5c03cecad6e6", P_SPIN, O_ZENIT, "partner" },
  { "060dd4f4-3c84-5c70-a8ec-8d6709a7b09b", P_NEUE_KUENSTE, O_URBAN_ARTS, "partner" },
  { "3cf8c58d-5f0c-537a-8f17-1a569af140c8", P_NEUE_KUENSTE, O_NEUER_ZIRKUS, "partner" },
  { "3aca798c-9db4-52ef-a59b-d1828325cb74", P_MODELLDESTINATION, O_RUHR_TOURISMUS, "partner" },
  { "8598cc23-d219-59eb-ab7c-a6c5e605aaef", P_MODELLDESTINATION, O_RVR, "partner" },
  { "fb85089d-16ea-5f37-ada2-0d937a1174f6", P_FAMILIENZENTREN, O_ISA, "partner" },
  { "beba4276-3169-57e1-98b6-c6282251bcc2", P_FAMILIENZENTREN, O_WUEBBEN, "funder" },
  { "04568a69-1643-5b6c-89fc-089652b02ab1", P_FAMILIENZENTREN, O_AURIDIS, "funder" },
  { "19fcda5b-0904-5605-b728-b24447a58b54", P_INNAMORUHR, O_UA_RUHR, "partner" },
  { "23d67ca2-9e0e-5dbf-b86a-c54257a9187d", P_INNAMORUHR, O_DSW21, "partner" },
  { "7b52f1a3-8864-55eb-9a0d-91f74b810723", P_INNAMORUHR, O_VRR, "partner" },
  { "98f9139c-fc0b-5e08-ad90-683503b61b02", P_INNAMORUHR, O_BOGESTRA, "partner" },
  { "6fecab78-3167-529e-a8f8-e53c2e2a0e4d", P_INNAMORUHR, O_DVG, "partner" },
  { "2e587b48-f466-5ada-b257-2c78c715a27f", P_KLIMARESILIENZ, O_EGLV, "partner" },
};

/* The board from its constitution on 22 October 2018 to the day it declared
 * its work completed, 16 August 2023. */
static const struct {
  const char *id;
  const char *name;
  const char *organisation;
  const char *function;
} board_members[] = {
  { "a1709836-8873-5282-b71f-047708b46a2c", "Arndt G. Kirchhoff", "unternehmer nrw", "Präsident" },
  { "86092525-a71c-5cda-bf0e-d290d793fe6d", "Anja Weber", "DGB NRW", "Vorsitzende" },
  { "1edaa48c-30c7-5802-a604-e8b8690f8c02", "Dr. Franz-Josef Overbeck", "Bistum Essen", "Bischof von Essen" },
};

#define BOARD_ACTIVE_FROM "2018-10-22"
#define BOARD_ACTIVE_TO   "2023-08-16"

/* The constituent meeting of 22 October 2018 in the Bischofshaus in Essen,
 * with the three members present. */
#define MEETING_CONSTITUENT "df4ea0e5-efc8-56b6-af09-197e1ad5ab46"

static const struct {
  const char *id;
  const char *date;
  const char *place;
  const char *title;
} meetings[] = {
  { MEETING_CONSTITUENT, "2018-10-22", "Bischofshaus, Essen", "Konstituierende Sitzung des Beirats" },
};

static const struct {
  const char *id;
  const char *meeting_id;
  const char *member_id;
} meeting_members[] = {
  { "6b4569cb-6186-57de-974b-fd5aa55a7437", MEETING_CONSTITUENT, "a1709836-8873-5282-b71f-047708b46a2c" },
  { "2f5bc3ee-9c3e-5879-959a-a92c9b04e766", MEETING_CONSTITUENT, "86092525-a71c-5cda-bf0e-d290d793fe6d" },
  { "052fcee3-0dbf-5493-9ac5-14a7a4ce7b30", MEETING_CONSTITUENT, "1edaa48c-30c7-5802-a604-e8b8690f8c02" },
};

/* A note that shows the format and says so; it has no author and no
 * linked project, since no source says who wrote what or which projects
 * the meeting discussed. */
static const struct {
  const char *id;
  const char *meeting_id;
  const char *date;
  const char *title;
  const char *text;
} notes[] = {
  {
    "93439d64-c52c-58ca-b6bf-01d44c57191c", MEETING_CONSTITUENT, "2018-10-22",
    "Beispiel: So sieht eine Notiz aus",
    "Dies ist ein Beispiel für das Format einer Notiz, keine Wiedergabe der "
    "Sitzung. Öffentliche Protokolle des Beirats gibt es nicht; deshalb steht "
    "hier nichts darüber, was in der Sitzung gesagt oder beschlossen wurde.\n"
    "\n"
    "Eine Notiz hält das Datum, einen Titel und den Text in Absätzen fest. Sie "
    "kann einer Sitzung zugeordnet werden – hier der konstituierenden Sitzung "
    "vom 22. Oktober 2018 im Bischofshaus in Essen – und ein Beiratsmitglied "
    "als Verfasserin oder Verfasser nennen.\n"
    "\n"
    "Mit der Notiz werden die Projekte verknüpft, die sie betrifft; auf der "
    "Seite jedes dieser Projekte ist die Notiz dann aufgeführt. Dieses "
    "Beispiel ist mit keinem Projekt verknüpft, weil keine Quelle sagt, welche "
    "Projekte in der Sitzung beraten wurden."
  },
};

/* Rows the removal takes out or changes, collected before the deletes so
 * that each can be announced: the example rows themselves, the rows that
 * cascade with them, and the user's rows whose reference to an example row
 * is set to NULL. */
#define EXAMPLE_PROJECTS      "(SELECT id FROM project WHERE is_example = 1)"
#define EXAMPLE_ORGANISATIONS "(SELECT id FROM organisation WHERE is_example = 1)"
#define EXAMPLE_MEMBERS       "(SELECT id FROM board_member WHERE is_example = 1)"
#define EXAMPLE_MEETINGS      "(SELECT id FROM meeting WHERE is_example = 1)"
#define EXAMPLE_NOTES         "(SELECT id FROM note WHERE is_example = 1)"

static const struct {
  const char *table;
  const char *sql;
} affected_rows[] = {
  { "project", "SELECT id FROM project WHERE is_example = 1" },
  { "milestone", "SELECT id FROM milestone WHERE project_id IN " EXAMPLE_PROJECTS },
  { "project_municipality",
    "SELECT id FROM project_municipality WHERE project_id IN " EXAMPLE_PROJECTS },
  { "organisation", "SELECT id FROM organisation WHERE is_example = 1" },
  { "project_partner",
    "SELECT id FROM project_partner WHERE project_id IN " EXAMPLE_PROJECTS
    " OR organisation_id IN " EXAMPLE_ORGANISATIONS },
  { "board_member", "SELECT id FROM board_member WHERE is_example = 1" },
  { "meeting", "SELECT id FROM meeting WHERE is_example = 1" },
  { "meeting_member",
    "SELECT id FROM meeting_member WHERE meeting_id IN " EXAMPLE_MEETINGS
    " OR board_member_id IN " EXAMPLE_MEMBERS },
  { "note",
    "SELECT id FROM note WHERE is_example = 1 OR meeting_id IN " EXAMPLE_MEETINGS
    " OR author_id IN " EXAMPLE_MEMBERS },
  { "note_project",
    "SELECT id FROM note_project WHERE note_id IN " EXAMPLE_NOTES
    " OR project_id IN " EXAMPLE_PROJECTS },
  { "report_entry", "SELECT id FROM report_entry WHERE project_id IN " EXAMPLE_PROJECTS },
};

/* Notes before meetings and members, so that an example note is deleted
 * rather than first having its meeting and author cleared; the link rows
 * go with their rows by cascade. */
static const char * const delete_sql[] = {
  "DELETE FROM note WHERE is_example = 1",
  "DELETE FROM meeting WHERE is_example = 1",
  "DELETE FROM board_member WHERE is_example = 1",
  "DELETE FROM project WHERE is_example = 1",
  "DELETE FROM organisation WHERE is_example = 1",
};

/* Runs an insert that skips a row whose key is already there, and
 * announces the row only when it was really added. */
static gboolean
insert_done (RkDatabase   *db,
             RkStatement  *stmt,
             const char   *table,
             const char   *key,
             GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      /* Translators: the beginning of “%s failed: %s.” */
      rk_database_set_error (db, error, _("Loading the example data"));
      return FALSE;
    }

  if (sqlite3_changes (rk_database_get_handle (db)) > 0)
    rk_database_note_change (db, table, key);

  return TRUE;
}

/* Every insert skips a row whose key exists ("ON CONFLICT (id) DO
 * NOTHING"), so a second load adds nothing and a row the user has edited
 * keeps the edit; any other conflict, such as a user's project with the
 * same code, fails the load. Link rows skip a link that exists under
 * another key as well: it says the same. */
static gboolean
insert_projects (RkDatabase  *db,
                 const char  *now,
                 GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      g_autoptr(RkStatement) stmt = NULL;

      /* The status is left to the schema's default: see EXAMPLE_NOTE. */
      stmt = rk_database_prepare (db,
                                  "INSERT INTO project (id, code, title, goal, field_id,"
                                  " pillar, lead_ministry, volume_cents, current_status,"
                                  " outlook, is_example, created_at, updated_at)"
                                  " VALUES (?, ?, ?, ?, ?, 'ministry_project', ?, ?, ?, ?, 1, ?, ?)"
                                  " ON CONFLICT (id) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, projects[i].id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, projects[i].code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, projects[i].title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, projects[i].goal, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, projects[i].field_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, projects[i].lead_ministry, -1, SQLITE_STATIC);
      if (projects[i].volume_cents >= 0)
        sqlite3_bind_int64 (stmt, 7, projects[i].volume_cents);
      else
        sqlite3_bind_null (stmt, 7);
      sqlite3_bind_text (stmt, 8, projects[i].current_status, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, projects[i].outlook, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, now, -1, SQLITE_STATIC);

      if (!insert_done (db, stmt, "project", projects[i].id, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (milestones); i++)
    {
      g_autoptr(RkStatement) stmt = NULL;

      stmt = rk_database_prepare (db,
                                  "INSERT INTO milestone (id, project_id, date, text, done,"
                                  " created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)"
                                  " ON CONFLICT (id) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, milestones[i].id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, milestones[i].project_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, milestones[i].date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, milestones[i].text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);

      if (!insert_done (db, stmt, "milestone", milestones[i].id, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (project_municipalities); i++)
    {
      g_autoptr(RkStatement) stmt = NULL;

      stmt = rk_database_prepare (db,
                                  "INSERT INTO project_municipality (id, project_id,"
                                  " municipality_id, created_at, updated_at)"
                                  " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, project_municipalities[i].id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, project_municipalities[i].project_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, project_municipalities[i].municipality_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);

      if (!insert_done (db, stmt, "project_municipality",
                        project_municipalities[i].id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_organisations (RkDatabase  *db,
                      const char  *now,
                      GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      g_autoptr(RkStatement) stmt = NULL;

      stmt = rk_database_prepare (db,
                                  "INSERT INTO organisation (id, name, kind, municipality_id,"
                                  " address, notes, is_example, created_at, updated_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)"
                                  " ON CONFLICT (id) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, organisations[i].id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, organisations[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, organisations[i].kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, organisations[i].municipality_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, organisations[i].address, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, ORGANISATION_NOTE, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);

      if (!insert_done (db, stmt, "organisation", organisations[i].id, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (project_partners); i++)
    {
      g_autoptr(RkStatement) stmt = NULL;

      stmt = rk_database_prepare (db,
                                  "INSERT INTO project_partner (id, project_id, organisation_id,"
                                  " role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                                  " ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, project_partners[i].id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, project_partners[i].project_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, project_partners[i].organisation_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, project_partners[i].role, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);

      if (!insert_done (db, stmt, "project_partner", project_partners[i].id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_board_members (RkDatabase  *db,
                      const char  *now,
                      GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (board_members); i++)
    {
      g_autoptr(RkStatement) stmt = NULL;

      stmt = rk_database_prepare (db,
                                  "INSERT INTO board_member (id, name, organisation, function,"
                                  " active_from, active_to, is_example, created_at, updated_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)"
                                  " ON CONFLICT (id) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, board_members[i].id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, board_members[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, board_members[i].organisation, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, board_members[i].function, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, BOARD_ACTIVE_FROM, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, BOARD_ACTIVE_TO, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);

      if (!insert_done (db, stmt, "board_member", board_members[i].id, error))
        return FALSE;
    }

  return TRUE;
}

/* The meeting with its members present, then the note of the format. */
static gboolean
insert_meetings_and_notes (RkDatabase  *db,
                           const char  *now,
                           GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (meetings); i++)
    {
      g_autoptr(RkStatement) stmt = NULL;

      stmt = rk_database_prepare (db,
                                  "INSERT INTO meeting (id, date, place, title, is_example,"
                                  " created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)"
                                  " ON CONFLICT (id) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, meetings[i].id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, meetings[i].date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, meetings[i].place, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, meetings[i].title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);

      if (!insert_done (db, stmt, "meeting", meetings[i].id, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (meeting_members); i++)
    {
      g_autoptr(RkStatement) stmt = NULL;

      stmt = rk_database_prepare (db,
                                  "INSERT INTO meeting_member (id, meeting_id, board_member_id,"
                                  " created_at, updated_at) VALUES (?, ?, ?, ?, ?)"
                                  " ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, meeting_members[i].id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, meeting_members[i].meeting_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, meeting_members[i].member_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);

      if (!insert_done (db, stmt, "meeting_member", meeting_members[i].id, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autoptr(RkStatement) stmt = NULL;

      stmt = rk_database_prepare (db,
                                  "INSERT INTO note (id, meeting_id, date, title, text, is_example,"
                                  " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)"
                                  " ON CONFLICT (id) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, notes[i].id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, notes[i].meeting_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, notes[i].date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, notes[i].title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, notes[i].text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);

      if (!insert_done (db, stmt, "note", notes[i].id, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * rk_example_load:
 * @db: a writable database
 * @error: a #GError in %RK_DATABASE_ERROR
 *
 * Adds the example data set: eight projects with their milestones, partner
 * organisations and municipalities, the three members of the advisory
 * board, its constituent meeting and one note that shows the format, every
 * row marked as an example. All of it is added in one
 * transaction, or nothing is. Rows of the set that are already there are
 * left as they are, so loading again adds only what is missing.
 *
 * Returns: %TRUE on success
 */
gboolean
rk_example_load (RkDatabase  *db,
                 GError     **error)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rk_database_begin (db, error))
    return FALSE;

  now = rk_timestamp_now ();

  /* The partner links come with the organisations, after the projects:
   * they refer to both. */
  if (!insert_projects (db, now, error) ||
      !insert_organisations (db, now, error) ||
      !insert_board_members (db, now, error) ||
      !insert_meetings_and_notes (db, now, error))
    {
      rk_database_rollback (db);
      return FALSE;
    }

  return rk_database_commit (db, error);
}

static gboolean
note_affected_rows (RkDatabase  *db,
                    const char  *table,
                    const char  *sql,
                    GError     **error)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rk_database_note_change (db, table, (const char *) sqlite3_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      /* Translators: the beginning of “%s failed: %s.” */
      rk_database_set_error (db, error, _("Removing the example data"));
      return FALSE;
    }

  return TRUE;
}

/**
 * rk_example_remove:
 * @db: a writable database
 * @error: a #GError in %RK_DATABASE_ERROR
 *
 * Deletes, in one transaction, every row marked as an example (projects,
 * organisations, board members, meetings, notes), with what depends on
 * them: milestones and the links to projects, organisations, members and
 * notes. The user's own rows stay, even when they were linked to an example
 * row; only the link goes. An example row the user has edited is still an
 * example row and goes too.
 *
 * Returns: %TRUE on success, also when there was nothing to remove
 */
gboolean
rk_example_remove (RkDatabase  *db,
                   GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rk_database_begin (db, error))
    return FALSE;

  /* The changes are queued now and announced only after the commit, when
   * the rows are gone. */
  for (guint i = 0; i < G_N_ELEMENTS (affected_rows); i++)
    {
      if (!note_affected_rows (db, affected_rows[i].table, affected_rows[i].sql, error))
        {
          rk_database_rollback (db);
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (delete_sql); i++)
    {
      g_autoptr(RkStatement) stmt = rk_database_prepare (db, delete_sql[i], error);

      if (stmt == NULL || sqlite3_step (stmt) != SQLITE_DONE)
        {
          if (stmt != NULL)
            {
              /* Translators: the beginning of “%s failed: %s.” */
              rk_database_set_error (db, error, _("Removing the example data"));
            }
          rk_database_rollback (db);
          return FALSE;
        }
    }

  return rk_database_commit (db, error);
}

/**
 * rk_example_is_loaded:
 * @db: a database
 *
 * Returns: %TRUE when any row marked as an example exists, whether or not
 *   the whole set is there
 */
gboolean
rk_example_is_loaded (RkDatabase *db)
{
  g_autoptr(RkStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  stmt = rk_database_prepare (db,
                              "SELECT EXISTS (SELECT 1 FROM project WHERE is_example = 1)"
                              " OR EXISTS (SELECT 1 FROM organisation WHERE is_example = 1)"
                              " OR EXISTS (SELECT 1 FROM board_member WHERE is_example = 1)"
                              " OR EXISTS (SELECT 1 FROM meeting WHERE is_example = 1)"
                              " OR EXISTS (SELECT 1 FROM note WHERE is_example = 1)",
                              &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot tell whether the example data is loaded: %s", error->message);
      return FALSE;
    }

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_warning ("Cannot tell whether the example data is loaded: %s",
                 sqlite3_errmsg (rk_database_get_handle (db)));
      return FALSE;
    }

  return sqlite3_column_int (stmt, 0) != 0;
}

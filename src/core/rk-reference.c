/* rk-reference.c: the reference rows that ship with the app
 *
 * The five fields of action and the 53 municipalities never change while
 * the app runs, so each database reads them once and keeps them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-reference"

#include "config.h"

#include "rk-database-private.h"
#include "rk-format.h"
#include "rk-reference.h"

struct _RkField
{
  GObject  parent_instance;
  char    *id;
  char    *name_de;
  char    *name_en;
  int      position;
};

struct _RkMunicipality
{
  GObject  parent_instance;
  char    *id;
  char    *name;
  char    *district;
};

G_DEFINE_FINAL_TYPE (RkField, rk_field, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RkMunicipality, rk_municipality, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *field_properties[N_PROPS];
static GParamSpec *municipality_properties[N_PROPS];

static void
rk_field_finalize (GObject *object)
{
  RkField *self = (RkField *) object;

  g_free (self->id);
  g_free (self->name_de);
  g_free (self->name_en);

  G_OBJECT_CLASS (rk_field_parent_class)->finalize (object);
}

static void
rk_field_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  RkField *self = RK_FIELD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, rk_field_get_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_field_class_init (RkFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_field_finalize;
  object_class->get_property = rk_field_get_property;

  field_properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  field_properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, field_properties);
}

static void
rk_field_init (RkField *self)
{
}

static void
rk_municipality_finalize (GObject *object)
{
  RkMunicipality *self = (RkMunicipality *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->district);

  G_OBJECT_CLASS (rk_municipality_parent_class)->finalize (object);
}

static void
rk_municipality_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RkMunicipality *self = RK_MUNICIPALITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_municipality_class_init (RkMunicipalityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_municipality_finalize;
  object_class->get_property = rk_municipality_get_property;

  municipality_properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  municipality_properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, municipality_properties);
}

static void
rk_municipality_init (RkMunicipality *self)
{
}

const char *
rk_field_get_id (RkField *self)
{
  g_return_val_if_fail (RK_IS_FIELD (self), NULL);
  return self->id;
}

int
rk_field_get_position (RkField *self)
{
  g_return_val_if_fail (RK_IS_FIELD (self), 0);
  return self->position;
}

const char *
rk_field_get_name_de (RkField *self)
{
  g_return_val_if_fail (RK_IS_FIELD (self), NULL);
  return self->name_de;
}

const char *
rk_field_get_name_en (RkField *self)
{
  g_return_val_if_fail (RK_IS_FIELD (self), NULL);
  return self->name_en;
}

/**
 * rk_field_get_name:
 *
 * Returns: the official name in the UI's language: German in a German
 *   interface, the English of the 2020 progress report otherwise
 */
const char *
rk_field_get_name (RkField *self)
{
  g_return_val_if_fail (RK_IS_FIELD (self), NULL);
  return rk_ui_language_is_german () ? self->name_de : self->name_en;
}

const char *
rk_municipality_get_id (RkMunicipality *self)
{
  g_return_val_if_fail (RK_IS_MUNICIPALITY (self), NULL);
  return self->id;
}

const char *
rk_municipality_get_name (RkMunicipality *self)
{
  g_return_val_if_fail (RK_IS_MUNICIPALITY (self), NULL);
  return self->name;
}

/**
 * rk_municipality_get_district:
 *
 * Returns: (nullable): the Kreis, or %NULL for a kreisfreie Stadt
 */
const char *
rk_municipality_get_district (RkMunicipality *self)
{
  g_return_val_if_fail (RK_IS_MUNICIPALITY (self), NULL);
  return self->district;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/**
 * rk_database_list_fields:
 *
 * Returns: (transfer full): the five fields of action in their order, as
 *   #RkField; read once per database and shared
 */
GListModel *
rk_database_list_fields (RkDatabase *db)
{
  GListStore *store;
  g_autoptr(RkStatement) stmt = NULL;

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  store = g_object_get_data (G_OBJECT (db), "rk-fields");
  if (store != NULL)
    return g_object_ref (G_LIST_MODEL (store));

  store = g_list_store_new (RK_TYPE_FIELD);
  stmt = rk_database_prepare (db, "SELECT id, position, name_de, name_en FROM field ORDER BY position", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(RkField) field = g_object_new (RK_TYPE_FIELD, NULL);

      field->id = column_dup (stmt, 0);
      field->position = sqlite3_column_int (stmt, 1);
      field->name_de = column_dup (stmt, 2);
      field->name_en = column_dup (stmt, 3);
      g_list_store_append (store, field);
    }

  g_object_set_data_full (G_OBJECT (db), "rk-fields", store, g_object_unref);
  return g_object_ref (G_LIST_MODEL (store));
}

/**
 * rk_database_find_field:
 * @id: (nullable): a field's key
 *
 * Returns: (transfer none) (nullable): the field with that key
 */
RkField *
rk_database_find_field (RkDatabase *db,
                        const char *id)
{
  g_autoptr(GListModel) fields = rk_database_list_fields (db);

  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(RkField) field = g_list_model_get_item (fields, i);

      if (g_str_equal (field->id, id))
        return field;
    }

  return NULL;
}

/**
 * rk_database_list_municipalities:
 *
 * Returns: (transfer full): the 53 municipalities by name, as
 *   #RkMunicipality; read once per database and shared
 */
GListModel *
rk_database_list_municipalities (RkDatabase *db)
{
  GListStore *store;
  g_autoptr(RkStatement) stmt = NULL;

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  store = g_object_get_data (G_OBJECT (db), "rk-municipalities");
  if (store != NULL)
    return g_object_ref (G_LIST_MODEL (store));

  store = g_list_store_new (RK_TYPE_MUNICIPALITY);
  stmt = rk_database_prepare (db, "SELECT id, name, district FROM municipality ORDER BY name", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(RkMunicipality) municipality = g_object_new (RK_TYPE_MUNICIPALITY, NULL);

      municipality->id = column_dup (stmt, 0);
      municipality->name = column_dup (stmt, 1);
      municipality->district = column_dup (stmt, 2);
      g_list_store_append (store, municipality);
    }

  g_object_set_data_full (G_OBJECT (db), "rk-municipalities", store, g_object_unref);
  return g_object_ref (G_LIST_MODEL (store));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sc-question.h"
#include "sc-store.h"

G_BEGIN_DECLS

/**
 * ScQuestionFormat:
 * The question bank files Shiftcraft reads.
 */
typedef enum
{
  SC_QUESTION_FORMAT_GIFT,
  SC_QUESTION_FORMAT_AIKEN,
  SC_QUESTION_FORMAT_MOODLE_XML,
} ScQuestionFormat;

#define SC_QUESTION_IMPORT_ERROR (sc_question_import_error_quark ())

typedef enum
{
  SC_QUESTION_IMPORT_ERROR_READ,
  SC_QUESTION_IMPORT_ERROR_FORMAT,
  SC_QUESTION_IMPORT_ERROR_INVALID,
} ScQuestionImportError;

/**
 * ScQuestionProblem:
 * Something wrong in a file: where and what.
 */
typedef struct
{
  guint  line;
  char  *reason;
} ScQuestionProblem;

/**
 * ScQuestionImport:
 *
 * What a reader made of a whole file: the questions it could read, each
 * with its line and category path, and the problems it found. Questions
 * the file format allows but the bank refuses (a fraction above 100 %, no
 * answer worth a mark…) are kept apart in @rejected, with a problem each.
 * Nothing is written to the bank until sc_question_import_commit().
 */
typedef struct
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  char       *filename;   /* as shown in messages */
  GPtrArray  *questions;  /* ScQuestion */
  GPtrArray  *rejected;   /* ScQuestion */
  GPtrArray  *problems;   /* ScQuestionProblem */
} ScQuestionImport;

#define SC_TYPE_QUESTION_IMPORT (sc_question_import_get_type ())

GQuark            sc_question_import_error_quark   (void);
GType             sc_question_import_get_type      (void) G_GNUC_CONST;
ScQuestionImport *sc_question_import_new           (const char        *filename);
ScQuestionImport *sc_question_import_ref           (ScQuestionImport  *self);
void              sc_question_import_unref         (ScQuestionImport  *self);
void              sc_question_import_add_problem   (ScQuestionImport  *self,
                                                    guint              line,
                                                    const char        *format,
                                                    ...) G_GNUC_PRINTF (3, 4);
char             *sc_question_import_format_problem (ScQuestionImport *self,
                                                     guint             index);
char             *sc_question_import_to_json       (ScQuestionImport  *self);
void              sc_question_import_set_category  (ScQuestionImport  *self,
                                                    const char        *path);
gboolean          sc_question_import_commit        (ScQuestionImport  *self,
                                                    ScStore           *store,
                                                    ScSession         *session,
                                                    gboolean           only_valid,
                                                    guint             *n_added,
                                                    GError           **error);

gboolean          sc_question_format_from_string   (const char        *str,
                                                    ScQuestionFormat  *format);
gboolean          sc_question_format_guess         (const char        *filename,
                                                    const char        *data,
                                                    gsize              length,
                                                    ScQuestionFormat  *format);
ScQuestionImport *sc_question_import_parse         (ScQuestionFormat   format,
                                                    const char        *filename,
                                                    const char        *data,
                                                    gssize             length,
                                                    const char        *default_category);
ScQuestionImport *sc_question_import_read_file     (GFile             *file,
                                                    gboolean           format_given,
                                                    ScQuestionFormat   format,
                                                    const char        *default_category,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
void              sc_question_import_read_file_async  (GFile               *file,
                                                       gboolean             format_given,
                                                       ScQuestionFormat     format,
                                                       const char          *default_category,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
ScQuestionImport *sc_question_import_read_file_finish (GAsyncResult        *result,
                                                       GError             **error);
void              sc_question_import_commit_async     (ScQuestionImport    *self,
                                                       ScStore             *store,
                                                       ScSession           *session,
                                                       gboolean             only_valid,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          sc_question_import_commit_finish    (GAsyncResult        *result,
                                                       guint               *n_added,
                                                       GError             **error);
gboolean          sc_question_import_check_text    (ScQuestionImport  *self,
                                                    const char        *data,
                                                    gsize              length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScQuestionImport, sc_question_import_unref)

G_END_DECLS

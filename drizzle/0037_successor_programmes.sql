ALTER TABLE "programmes" ADD COLUMN "predecessor_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "predecessor_project_id" uuid;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_predecessor_id_programmes_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_predecessor_project_id_projects_id_fk" FOREIGN KEY ("predecessor_project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_predecessor" ON "programmes" USING btree ("predecessor_id");
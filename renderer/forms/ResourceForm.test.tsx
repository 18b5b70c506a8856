import { readFileSync } from 'node:fs';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LazyResourceForm } from './LazyResourceForm';
import { ResourceForm } from './ResourceForm';

/*
 * Static markup checks (the tests run in Node, without a DOM). Interaction — blur, submit,
 * the JSON tab, Add/Remove — belongs in the browser-mode end-to-end tests.
 */

const fixture = (name: string) =>
  readFileSync(
    new URL(`../../shared/inventory/fixtures/${name}.schema.json`, import.meta.url),
    'utf8',
  );
const image = fixture('sagemaker-image');
const bucket = fixture('s3-bucket');

/** The opening tag of the element with this id suffix (rjsf ids are `<prefix>_<path>`). */
function tagOf(html: string, idSuffix: string): string {
  const match = new RegExp(`<[a-z]+[^>]*id="[^"]*_${idSuffix}"[^>]*>`).exec(html);
  if (!match) throw new Error(`no element with id …_${idSuffix}`);
  return match[0];
}

describe('ResourceForm', () => {
  it('starts on "Required only" when creating, with required fields marked', () => {
    const html = renderToString(
      <ResourceForm typeName="AWS::SageMaker::Image" schemaJson={image} mode="create" />,
    );
    expect(html).toContain('role="radiogroup"');
    expect(html).toMatch(/role="radio"[^>]*aria-checked="true"[^>]*>Required only</);
    expect(html).toMatch(/role="tab"[^>]*aria-selected="true"[^>]*>Form</);
    expect(html).toContain('ImageName<span class="rf-required" aria-hidden="true">*</span>');
    expect(html).toContain('<span class="rf-sr-only"> (required)</span>');
    expect(html).toContain('The name of the image.');
    expect(html).not.toContain('ImageDisplayName');
    // Errors wait for a blur or a submit.
    expect(html).not.toContain('is required.');
  });

  it('shows every property, tags as Key/Value rows with named buttons, in "All properties"', () => {
    const html = renderToString(
      <ResourceForm
        typeName="AWS::SageMaker::Image"
        schemaJson={image}
        mode="create"
        initialView="all"
        initial={{ Tags: [{ Key: 'team', Value: 'data' }] }}
      />,
    );
    expect(html).toContain('ImageDisplayName');
    expect(html).not.toContain('ImageArn'); // read-only
    expect(html).toContain('>Add Tags item</button>');
    expect(html).toContain('Remove<span class="rf-sr-only"> Tags item 1</span>');
    expect(html).toContain('Tags item 1 Key');
    expect(tagOf(html, 'Tags_0_Key')).toContain('placeholder="Key"');
    expect(tagOf(html, 'Tags_0_Value')).toContain('value="data"');
  });

  it('renders enums as selects, booleans as checkboxes, optional objects collapsed', () => {
    const html = renderToString(
      <ResourceForm typeName="AWS::S3::Bucket" schemaJson={bucket} mode="create" />,
    );
    expect(tagOf(html, 'AccessControl')).toMatch(/^<select/);
    expect(html).toMatch(/<option value=""[^>]*>Not set<\/option>/);
    expect(tagOf(html, 'ObjectLockEnabled')).toContain('type="checkbox"');
    expect(html).toMatch(
      /aria-labelledby="[^"]*_BucketEncryption__optionalAdd [^"]*_BucketEncryption__title"/,
    );
  });

  it('makes create-only fields read-only and never pre-fills write-only ones when updating', () => {
    const html = renderToString(
      <ResourceForm
        typeName="AWS::S3::Bucket"
        schemaJson={bucket}
        mode="update"
        initial={{
          BucketName: 'my-bucket',
          Arn: 'arn:aws:s3:::my-bucket',
          AccessControl: 'Private',
        }}
      />,
    );
    expect(html).toMatch(/role="radio"[^>]*aria-checked="true"[^>]*>All properties</);
    const bucketName = tagOf(html, 'BucketName');
    expect(bucketName).toContain('readOnly=""');
    expect(bucketName).toContain('value="my-bucket"');
    expect(html).toContain('Set when the resource was created; can’t be changed.');
    expect(tagOf(html, 'AccessControl')).not.toContain('value="5"');
    expect(html).toContain('AWS never returns this value');
  });

  it('reports a schema it cannot read instead of throwing', () => {
    const html = renderToString(<ResourceForm typeName="X::Y::Z" schemaJson="[1]" mode="create" />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('The schema for X::Y::Z couldn’t be read');
  });
});

describe('LazyResourceForm', () => {
  it('shows "Loading form…" until the form chunk has loaded', () => {
    const html = renderToString(
      <LazyResourceForm typeName="AWS::SageMaker::Image" schemaJson={image} mode="create" />,
    );
    expect(html).toContain('Loading form…');
  });
});
